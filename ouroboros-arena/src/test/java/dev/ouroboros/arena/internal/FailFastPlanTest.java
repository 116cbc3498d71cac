package dev.ouroboros.arena.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailFastPlanTest {

    private static final String CLASS = "[engine:junit-jupiter]/[class:p.ReportTest]";

    private static String method(String name) {
        return CLASS + "/[method:" + name + "()]";
    }

    @Test
    void cheapTestsRunTogetherFirstThenEachExpensiveOneFastestFirst() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        nanos.put(method("fullDay"), 60_000_000L);
        nanos.put(method("header"), 500_000L);
        nanos.put(method("refunds"), 300_000L);
        nanos.put(method("month"), 30_000_000L);

        assertThat(FailFastPlan.of(nanos, Set.of("p.ReportTest"))).containsExactly(
                List.of(method("refunds"), method("header")), List.of(method("month")), List.of(method("fullDay")));
    }

    @Test
    void noSplitWhenNoTestStandsOutOrTheTestsAreNotPlainMethods() {
        Map<String, Long> even = Map.of(method("a"), 1_000_000L, method("b"), 1_100_000L, method("c"), 900_000L,
                method("d"), 1_000_000L, method("e"), 1_000_000L);
        assertThat(FailFastPlan.of(even, Set.of("p.ReportTest"))).isEmpty();
        assertThat(FailFastPlan.of(Map.of(method("only"), 5L), Set.of("p.ReportTest"))).isEmpty();

        Map<String, Long> nested = Map.of(method("cheap"), 1L,
                CLASS + "/[nested-class:Inner]/[method:slow()]", 1_000_000L);
        assertThat(FailFastPlan.of(nested, Set.of("p.ReportTest"))).isEmpty();
        Map<String, Long> template = Map.of(method("cheap"), 1L,
                CLASS + "/[test-template:slow(int)]/[test-template-invocation:#1]", 1_000_000L);
        assertThat(FailFastPlan.of(template, Set.of("p.ReportTest"))).isEmpty();
        Map<String, Long> otherClass = Map.of(method("cheap"), 1L,
                "[engine:junit-jupiter]/[class:p.Other]/[method:slow()]", 1_000_000L);
        assertThat(FailFastPlan.of(otherClass, Set.of("p.ReportTest"))).isEmpty();
    }

    @Test
    void aSelectorPointsAtTheMethodOfTheGivenLoadedClass() {
        var selector = (org.junit.platform.engine.discovery.MethodSelector) FailFastPlan.selector(
                "[engine:junit-jupiter]/[class:" + FailFastPlanTest.class.getName() + "]/[method:"
                        + "aSelectorPointsAtTheMethodOfTheGivenLoadedClass()]", List.of(FailFastPlanTest.class));

        assertThat(selector.getJavaClass()).isSameAs(FailFastPlanTest.class);
        assertThat(selector.getMethodName()).isEqualTo("aSelectorPointsAtTheMethodOfTheGivenLoadedClass");
    }
}

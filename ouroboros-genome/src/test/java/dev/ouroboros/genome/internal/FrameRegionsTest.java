package dev.ouroboros.genome.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ouroboros.genome.GenomeRegion;
import dev.ouroboros.genome.RegionKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameRegionsTest {

    private static GenomeRegion region(String className, String member, String params, RegionKind kind, int begin,
            int end) {
        String id = className + "#" + member + (kind == RegionKind.STATIC_INITIALIZER ? "[" + begin + "]"
                : "(" + params + ")");
        return new GenomeRegion(id, className, member, params, kind, Path.of("A.java"), begin, end, "0".repeat(64));
    }

    @Test
    void descriptorParametersAreNamedAsSourceWritesThem() {
        assertThat(FrameRegions.simpleParameterNames("(ILjava/util/Map$Entry;[[Ljava/lang/String;[J)V"))
                .containsExactly("int", "Entry", "String[][]", "long[]");
        assertThat(FrameRegions.writtenSimpleNames("Map.Entry,int[],String")).containsExactly("Entry", "int[]", "String");
        assertThat(FrameRegions.simpleParameterNames("()V")).isEmpty();
    }

    @Test
    void innerClassConstructorIsFoundPastTheOuterInstanceParameter() {
        List<GenomeRegion> file = List.of(
                region("p.Outer$Inner", "<init>", "String", RegionKind.CONSTRUCTOR, 10, 12),
                region("p.Outer$Inner", "<init>", "int", RegionKind.CONSTRUCTOR, 13, 15));
        assertThat(FrameRegions.regionOf(file, "p.Outer$Inner", "<init>", "(Lp/Outer;I)V", 3))
                .map(GenomeRegion::parameters).hasValue("int");
    }

    @Test
    void enumConstructorIsFoundPastNameAndOrdinal() {
        List<GenomeRegion> file = List.of(region("p.Color", "<init>", "int", RegionKind.CONSTRUCTOR, 10, 12));
        assertThat(FrameRegions.regionOf(file, "p.Color", "<init>", "(Ljava/lang/String;II)V", 2))
                .map(GenomeRegion::parameters).hasValue("int");
    }

    @Test
    void classInitializerOutsideEveryBlockMapsOnlyWhenTheClassHasOne() {
        GenomeRegion first = region("p.A", "<clinit>", "", RegionKind.STATIC_INITIALIZER, 5, 7);
        GenomeRegion second = region("p.A", "<clinit>", "", RegionKind.STATIC_INITIALIZER, 9, 11);
        assertThat(FrameRegions.regionOf(List.of(first), "p.A", "<clinit>", "()V", 2)).hasValue(first);
        assertThat(FrameRegions.regionOf(List.of(first, second), "p.A", "<clinit>", "()V", 2)).isEmpty();
        assertThat(FrameRegions.regionOf(List.of(first, second), "p.A", "<clinit>", "()V", 10)).hasValue(second);
    }

    @Test
    void instanceInitializerBlockLinesMapToTheBlockNotTheConstructor() {
        GenomeRegion block = region("p.A", "<init-block>", "", RegionKind.INSTANCE_INITIALIZER, 3, 5);
        GenomeRegion ctor = region("p.A", "<init>", "", RegionKind.CONSTRUCTOR, 7, 9);
        assertThat(FrameRegions.regionOf(List.of(block, ctor), "p.A", "<init>", "()V", 4)).hasValue(block);
        assertThat(FrameRegions.regionOf(List.of(block, ctor), "p.A", "<init>", "()V", 8)).hasValue(ctor);
    }
}

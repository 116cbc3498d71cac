package dev.ouroboros.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard options, and where the engine's dashboard listens and what it says at start. */
class DashboardConfigTest {

    @TempDir
    Path dir;

    @Test
    void agentOptionsAndPropertiesTurnTheDashboardOn() {
        EvolutionConfig agent = EvolutionConfig.fromAgentArgs("source=src,dashboard=8123,dashboard-bind=::1");
        Properties props = new Properties();
        props.setProperty("ouroboros.source", "src");
        props.setProperty("ouroboros.dashboard", "0");
        EvolutionConfig fromProps = EvolutionConfig.fromProperties(props);

        assertThat(agent.dashboardPort()).hasValue(8123);
        assertThat(agent.dashboardBind()).isEqualTo("::1");
        assertThat(fromProps.dashboardPort()).hasValue(0);
        assertThat(fromProps.dashboardBind()).isEqualTo("127.0.0.1");
        assertThat(EvolutionConfig.fromAgentArgs("source=src").dashboardPort()).isEmpty();
    }

    @Test
    void badDashboardOptionsAreRefusedByName() {
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,dashboard=70000"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("dashboard must be a TCP port from 0 (any free port) to 65535, was 70000");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,dashboard=4294967296"))
                .hasMessage("dashboard must be a TCP port from 0 (any free port) to 65535, was 4294967296");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,dashboard=web"))
                .hasMessage("dashboard must be a whole number, was 'web'");
        assertThatThrownBy(() -> EvolutionConfig.builder().sourceRoots(Path.of("src")).dashboard(-1).build())
                .hasMessage("dashboard must be a TCP port from 0 (any free port) to 65535, was -1");
        assertThatThrownBy(() -> EvolutionConfig.fromAgentArgs("source=src,dashboard=0,dashboard-bind=my host/x"))
                .hasMessage("dashboard-bind must be an IP address or host name such as 127.0.0.1, was 'my host/x'");
    }

    @Test
    void withoutTheOptionNothingListens() {
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config().build()).build()) {
            assertThat(engine.dashboardUri()).isEmpty();
            assertThat(engine.dashboardToken()).isEmpty();
        }
    }

    @Test
    void byDefaultItListensOnLoopbackOnlyAndPrintsItsAddressAndToken() {
        AtomicReference<String> expected = new AtomicReference<>();
        List<String> printed = stderrOf(() -> {
            try (OuroborosEngine engine = OuroborosEngine.builder().config(config().dashboard(0).build()).build()) {
                URI uri = engine.dashboardUri().orElseThrow();
                assertThat(uri.getHost()).isEqualTo("127.0.0.1");
                assertThat(reachable(InetAddress.getLoopbackAddress(), uri.getPort())).isTrue();
                // This machine's own network address must not reach it.
                nonLoopbackAddress().ifPresent(a -> assertThat(reachable(a, uri.getPort())).as(a.toString()).isFalse());
                assertThat(engine.dashboardToken().orElseThrow()).matches("[A-Za-z0-9_-]{32}");
                expected.set("ouroboros: dashboard at " + uri + " token=" + engine.dashboardToken().orElseThrow());
            }
        });
        assertThat(printed).containsExactly(expected.get());
    }

    @Test
    void aNonLoopbackBindMustBeAskedForAndIsAnnouncedWithAWarning() {
        List<String> printed = stderrOf(() -> {
            try (OuroborosEngine engine = OuroborosEngine.builder()
                    .config(config().dashboard(0).dashboardBind("0.0.0.0").build()).build()) {
                int port = engine.dashboardUri().orElseThrow().getPort();
                nonLoopbackAddress().ifPresent(a -> assertThat(reachable(a, port)).as(a.toString()).isTrue());
            }
        });
        assertThat(printed).hasSize(2);
        assertThat(printed.get(0)).startsWith("ouroboros: dashboard at http://0.0.0.0:");
        assertThat(printed.get(1)).startsWith("ouroboros: WARNING: the dashboard listens on 0.0.0.0 (every network address"
                + " of this machine), which is not a loopback address, because dashboard-bind says so");
    }

    @Test
    void aTakenPortIsRefusedByNameAndReleasesTheDataDirectory() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EvolutionConfig c = config().dashboard(taken.getLocalPort()).build();
            assertThatThrownBy(() -> OuroborosEngine.builder().config(c).build())
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageStartingWith("the dashboard cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("dashboard=0");
        }
        try (OuroborosEngine engine = OuroborosEngine.builder().config(config().build()).build()) {
            assertThat(engine.state().directory()).isEqualTo(dir.resolve("data").toAbsolutePath().normalize());
        }
    }

    private EvolutionConfig.Builder config() {
        return EvolutionConfig.builder().sourceRoots(Path.of("src/test/java")).dataDirectory(dir.resolve("data"))
                .target("dev.ouroboros.core.fixture.Roster#print").jmx(false);
    }

    /** Runs the action with standard error captured; returns the {@code ouroboros:} lines it printed. */
    private static List<String> stderrOf(Runnable action) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            action.run();
        } finally {
            System.setErr(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("ouroboros:")).toList();
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            throw new AssertionError("cannot tell whether " + address + ":" + port + " listens: " + e, e);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .findFirst();
        } catch (SocketException e) {
            throw new AssertionError("cannot list this machine's addresses: " + e, e);
        }
    }
}

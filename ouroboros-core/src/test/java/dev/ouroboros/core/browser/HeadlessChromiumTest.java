package dev.ouroboros.core.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HeadlessChromiumTest {

    @Test
    void aMissingBrowserFailsWithTheInstallCommand() {
        assertThatThrownBy(() -> HeadlessChromium.start(Path.of("/nonexistent/chromium"), HeadlessChromium.CHROMEDRIVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("/nonexistent/chromium is missing")
                .hasMessageContaining("apt-get install -y chromium chromium-driver");
    }
}

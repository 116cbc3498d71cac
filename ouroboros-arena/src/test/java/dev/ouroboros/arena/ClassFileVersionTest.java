package dev.ouroboros.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ClassFileVersionTest {

    private static byte[] header(int major) {
        return new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, (byte) (major >> 8), (byte) major};
    }

    @Test
    void mapsMajorVersionsToReleases() {
        assertThat(ClassFileVersion.releaseOf(header(61))).isEqualTo(17);
        assertThat(ClassFileVersion.releaseOf(header(52))).isEqualTo(8);
        assertThat(ClassFileVersion.releaseOf(header(55))).isEqualTo(11);
        assertThat(ClassFileVersion.releaseOf(header(65))).isEqualTo(21);
    }

    @Test
    void readsALoadedClassOfThisBuild() throws Exception {
        try (InputStream in = ClassFileVersion.class.getResourceAsStream("ClassFileVersion.class")) {
            assertThat(ClassFileVersion.releaseOf(in.readAllBytes())).isEqualTo(17);
        }
    }

    @Test
    void refusesBytesThatAreNotAClassFile() {
        assertThatThrownBy(() -> ClassFileVersion.releaseOf(new byte[] {1, 2, 3, 4, 0, 0, 0, 61}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0xCAFEBABE");
        assertThatThrownBy(() -> ClassFileVersion.releaseOf(new byte[] {(byte) 0xCA}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("had 1 bytes");
    }
}

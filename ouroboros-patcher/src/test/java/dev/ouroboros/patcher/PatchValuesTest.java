package dev.ouroboros.patcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ouroboros.patcher.fixture.Counter;
import dev.ouroboros.patcher.fixture.Greeter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value objects of the patcher's API validate their input and cannot be changed afterwards. */
class PatchValuesTest {

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void patchOperationDigestsItsBytes() {
        PatchOperation operation = new PatchOperation(Greeter.class, ABC, "test");

        assertThat(operation.sha256()).isEqualTo(ABC_SHA256);
        assertThat(operation.crc32()).isEqualTo(0x352441C2L);
    }

    @Test
    void patchOperationCopiesItsBytesInAndOut() {
        byte[] bytes = ABC.clone();
        PatchOperation operation = new PatchOperation(Greeter.class, bytes, "test");

        bytes[0] = 'x';
        operation.newBytes()[1] = 'x';

        assertThat(operation.newBytes()).isEqualTo(ABC);
        assertThat(operation.sha256()).isEqualTo(ABC_SHA256);
    }

    @Test
    void patchOperationRefusesEmptyBytesAndBlankReason() {
        assertThatThrownBy(() -> new PatchOperation(Greeter.class, new byte[0], "r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bytes must not be empty");
        assertThatThrownBy(() -> new PatchOperation(Greeter.class, ABC, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reason must not be blank");
        assertThatThrownBy(() -> new PatchOperation(null, ABC, "r"))
                .isInstanceOf(NullPointerException.class).hasMessage("target must not be null");
    }

    @Test
    void verifiedPatchOperationRefusesBytesWithAnotherHash() {
        assertThat(PatchOperation.verified(Greeter.class, ABC, ABC_SHA256, "r").sha256()).isEqualTo(ABC_SHA256);
        assertThatThrownBy(() -> PatchOperation.verified(Greeter.class, "abd".getBytes(StandardCharsets.US_ASCII),
                ABC_SHA256, "r"))
                .isInstanceOf(PatchRejectedException.class)
                .hasMessageContaining(Greeter.class.getName()).hasMessageContaining(ABC_SHA256);
    }

    @Test
    void bundleRefusesTheSameClassTwice() {
        List<PatchOperation> twice = List.of(new PatchOperation(Greeter.class, ABC, "a"),
                new PatchOperation(Greeter.class, ABC, "b"));

        assertThatThrownBy(() -> new PatchBundle("b1", twice, "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b1").hasMessageContaining(Greeter.class.getName());
    }

    @Test
    void bundleRefusesNoOperationsAndKeepsItsOwnList() {
        assertThatThrownBy(() -> new PatchBundle("b1", List.of(), "r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("operations must not be empty");
        List<PatchOperation> operations = new ArrayList<>(List.of(new PatchOperation(Greeter.class, ABC, "a")));
        PatchBundle bundle = new PatchBundle("b1", operations, "r");

        operations.add(new PatchOperation(Counter.class, ABC, "b"));

        assertThat(bundle.operations()).hasSize(1);
        assertThatThrownBy(() -> bundle.operations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void codeVersionRefusesNegativeNumbersAndMalformedHashes() {
        assertThat(new CodeVersion("a.B", 0, ABC_SHA256, Instant.EPOCH, "original").isOriginal()).isTrue();
        assertThatThrownBy(() -> new CodeVersion("a.B", -3, ABC_SHA256, Instant.EPOCH, "r"))
                .hasMessage("number must not be negative, was -3");
        assertThatThrownBy(() -> new CodeVersion("a.B", 1, "ABC", Instant.EPOCH, "r"))
                .hasMessageStartingWith("sha256 must be 64 lower-case hex digits");
    }

    @Test
    void receiptAndRollbackEntryRefuseNegativePauses() {
        CodeVersion version = new CodeVersion("a.B", 1, ABC_SHA256, Instant.EPOCH, "r");

        assertThatThrownBy(() -> new PatchReceipt("b1", List.of(version), -1))
                .hasMessage("pauseNanos must not be negative, was -1");
        assertThatThrownBy(() -> new RollbackEntry("b1", List.of(), 5))
                .hasMessageStartingWith("restored must not be empty");
    }

    @Test
    void reportIsRedefinableOnlyWithoutViolations() {
        PreflightViolation violation = new PreflightViolation("m()V", "method-added", "method added");

        assertThat(new PreflightReport("a.B", List.of()).redefinable()).isTrue();
        assertThat(new PreflightReport("a.B", List.of(violation)).redefinable()).isFalse();
        assertThat(new PreflightReport("a.B", List.of(violation)).describe())
                .isEqualTo("class a.B: m()V: method-added: method added");
    }
}

package io.isthmus.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6962 section 2.1 trees, audit paths and consistency proofs, checked as RFC 9162 does. */
class MerkleTreeTest {
    /** The leaves of the certificate-transparency reference tests (RFC 6962 2.1.3's example tree). */
    private static final String[] LEAVES = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
    };

    private static MerkleTree tree(int n) {
        MerkleTree t = new MerkleTree();
        for (int i = 0; i < n; i++) {
            t.append(HexFormat.of()
                    .parseHex(LEAVES[i % LEAVES.length] + (i >= LEAVES.length ? String.format("ff%04x", i) : "")));
        }
        return t;
    }

    @Test
    void theEmptyTreesRootIsTheHashOfTheEmptyString() {
        assertThat(HexFormat.of().formatHex(new MerkleTree().root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @ParameterizedTest(name = "root of the first {0} reference leaves")
    @CsvSource({
        "1, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "2, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "3, aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "4, d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "5, 4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "6, 76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "7, ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "8, 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    })
    void rootsMatchTheReferenceTreeOfRfc6962(int n, String root) {
        MerkleTree t = tree(8);
        assertThat(HexFormat.of().formatHex(t.rootAt(n))).isEqualTo(root);
        assertThat(HexFormat.of().formatHex(tree(n).root())).isEqualTo(root);
    }

    @Test
    void theRootAtAnySizeEqualsTheDefinitionComputedFromTheLeaves() {
        MerkleTree t = tree(70);
        TreeHash h = new TreeHash();
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            leaves.add(t.leafAt(i));
        }
        for (int n = 1; n <= 70; n++) {
            assertThat(t.rootAt(n)).as("size %d", n).isEqualTo(definition(h, leaves.subList(0, n)));
        }
    }

    @Test
    void everyAuditPathOfEveryTreeUpTo40LeavesVerifiesAndAWrongOneDoesNot() {
        MerkleTree t = tree(40);
        for (int n = 1; n <= 40; n++) {
            byte[] root = t.rootAt(n);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = t.inclusionProof(m, n);
                assertThat(MerkleProofs.verifyInclusion(m, n, t.leafAt(m), path, root))
                        .as("leaf %d of %d", m, n)
                        .isTrue();
                if (n > 1) {
                    assertThat(MerkleProofs.verifyInclusion((m + 1) % n, n, t.leafAt(m), path, root))
                            .as("the proof of leaf %d does not prove another position", m)
                            .isFalse();
                    List<byte[]> bad = new ArrayList<>(path);
                    byte[] first = bad.getFirst().clone();
                    first[0] ^= 1;
                    bad.set(0, first);
                    assertThat(MerkleProofs.verifyInclusion(m, n, t.leafAt(m), bad, root))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofUpTo40LeavesVerifiesAndDetectsARewrittenHistory() {
        MerkleTree t = tree(40);
        MerkleTree other = new MerkleTree();
        for (int i = 0; i < 40; i++) {
            other.append(new byte[] {(byte) i, 7});
        }
        for (int n = 1; n <= 40; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = t.consistencyProof(m, n);
                assertThat(MerkleProofs.verifyConsistency(m, n, t.rootAt(m), t.rootAt(n), proof))
                        .as("%d -> %d", m, n)
                        .isTrue();
                assertThat(MerkleProofs.verifyConsistency(m, n, other.rootAt(m), t.rootAt(n), proof))
                        .as("a different old tree %d -> %d", m, n)
                        .isFalse();
            }
        }
    }

    @Test
    void proofsHaveAtMostLogarithmicLength() {
        MerkleTree t = tree(1000);
        assertThat(t.inclusionProof(517, 1000)).hasSizeLessThanOrEqualTo(10);
        assertThat(t.consistencyProof(333, 1000)).hasSizeLessThanOrEqualTo(2 * 10);
    }

    private static byte[] definition(TreeHash h, List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return h.node(definition(h, leaves.subList(0, k)), definition(h, leaves.subList(k, leaves.size())));
    }
}

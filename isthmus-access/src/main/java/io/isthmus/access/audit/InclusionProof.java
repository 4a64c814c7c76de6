package io.isthmus.access.audit;

import java.util.List;

/**
 * Proof that a record is in the log: check it with {@link MerkleProofs#verifyInclusion} against the
 * root of a checkpoint of {@code treeSize} records.
 */
public record InclusionProof(long sequence, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
    public InclusionProof {
        path = List.copyOf(path);
    }

    public boolean verify() {
        return MerkleProofs.verifyInclusion(sequence, treeSize, leafHash, path, root);
    }
}

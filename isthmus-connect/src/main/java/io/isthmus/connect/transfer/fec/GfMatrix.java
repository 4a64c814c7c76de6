package io.isthmus.connect.transfer.fec;

/** Square matrices over GF(2^8): the inversion both erasure codes decode with. */
final class GfMatrix {
    private GfMatrix() {}

    /** Gauss–Jordan elimination; the rows of a Cauchy-extended identity are always invertible. */
    static int[][] invert(int[][] matrix) {
        int n = matrix.length;
        int[][] a = new int[n][];
        int[][] inv = new int[n][n];
        for (int r = 0; r < n; r++) {
            a[r] = matrix[r].clone();
            inv[r][r] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            while (pivot < n && a[pivot][col] == 0) {
                pivot++;
            }
            if (pivot == n) {
                throw new IllegalStateException("singular generator submatrix; the Cauchy construction is broken");
            }
            swap(a, col, pivot);
            swap(inv, col, pivot);
            int scale = Gf256.inverse(a[col][col]);
            scaleRow(a[col], scale);
            scaleRow(inv[col], scale);
            for (int r = 0; r < n; r++) {
                int factor = a[r][col];
                if (r != col && factor != 0) {
                    addScaled(a[r], a[col], factor);
                    addScaled(inv[r], inv[col], factor);
                }
            }
        }
        return inv;
    }

    private static void swap(int[][] rows, int i, int j) {
        int[] t = rows[i];
        rows[i] = rows[j];
        rows[j] = t;
    }

    private static void scaleRow(int[] row, int factor) {
        for (int i = 0; i < row.length; i++) {
            row[i] = Gf256.multiply(row[i], factor);
        }
    }

    private static void addScaled(int[] target, int[] source, int factor) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= Gf256.multiply(source[i], factor);
        }
    }
}

package dev.frontier.route;

/** Index sorts on primitive keys (stable merge sort), so that 100,000 items sort without boxing. */
final class Order {
    private Order() {
    }

    /** Indices of the non-NaN keys, ascending by key; equal keys keep their index order. */
    static int[] ascending(double[] keys) {
        int m = 0;
        int[] idx = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (!Double.isNaN(keys[i])) {
                idx[m++] = i;
            }
        }
        int[] a = java.util.Arrays.copyOf(idx, m);
        int[] tmp = new int[m];
        for (int width = 1; width < m; width *= 2) {
            for (int lo = 0; lo < m - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, m);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    tmp[k++] = keys[a[j]] < keys[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    tmp[k++] = a[i++];
                }
                while (j < hi) {
                    tmp[k++] = a[j++];
                }
                System.arraycopy(tmp, lo, a, lo, hi - lo);
            }
        }
        return a;
    }
}

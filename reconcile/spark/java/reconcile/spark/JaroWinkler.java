// DuckDB's jaro_winkler_similarity as a Spark SQL function (see reconcile/spark/similarity.py for why).
//
// Follows the rapidfuzz algorithm that DuckDB ships, step by step, so both engines put a pair of names
// in the same comparison level:
// - match window max(len1, len2) / 2 - 1; each character of s1 takes the first unmatched equal
//   character of s2 within the window;
// - transpositions = (matched characters out of order) / 2, rounded down;
// - jaro = (m/len1 + m/len2 + (m - t)/m) / 3, summed in that order;
// - Winkler boost for a common prefix of up to 4 characters when jaro > 0.7, computed with one fused
//   multiply-add as DuckDB's build does: fma(prefix * 0.1, 1 - jaro, jaro);
// - two one-character strings score 1 when equal; an empty string scores 0; NULL gives NULL.
// Strings are compared by UTF-16 code unit, as DuckDB compares the normalized (ASCII) names we store.
package reconcile.spark;

import org.apache.spark.sql.api.java.UDF2;

public final class JaroWinkler implements UDF2<String, String, Double> {
    private static final long serialVersionUID = 1L;

    @Override
    public Double call(String s1, String s2) {
        if (s1 == null || s2 == null) {
            return null;
        }
        return similarity(s1, s2);
    }

    static double jaro(String p, String t) {
        int pLen = p.length();
        int tLen = t.length();
        if (pLen == 0 || tLen == 0) {
            return 0.0;
        }
        if (pLen == 1 && tLen == 1) {
            return p.charAt(0) == t.charAt(0) ? 1.0 : 0.0;
        }
        int bound = Math.max(pLen, tLen) / 2 - 1;
        boolean[] pFlags = new boolean[pLen];
        boolean[] tFlags = new boolean[tLen];
        int common = 0;
        for (int i = 0; i < pLen; i++) {
            int lo = Math.max(0, i - bound);
            int hi = Math.min(i + bound, tLen - 1);
            char c = p.charAt(i);
            for (int j = lo; j <= hi; j++) {
                if (!tFlags[j] && t.charAt(j) == c) {
                    pFlags[i] = true;
                    tFlags[j] = true;
                    common++;
                    break;
                }
            }
        }
        if (common == 0) {
            return 0.0;
        }
        int k = 0;
        int trans = 0;
        for (int i = 0; i < pLen; i++) {
            if (pFlags[i]) {
                int j = k;
                while (!tFlags[j]) {
                    j++;
                }
                k = j + 1;
                if (p.charAt(i) != t.charAt(j)) {
                    trans++;
                }
            }
        }
        trans /= 2;
        double sim = 0.0;
        sim += (double) common / pLen;
        sim += (double) common / tLen;
        sim += ((double) common - trans) / common;
        return sim / 3.0;
    }

    static double similarity(String s1, String s2) {
        double sim = jaro(s1, s2);
        if (sim > 0.7) {
            int maxPrefix = Math.min(4, Math.min(s1.length(), s2.length()));
            int prefix = 0;
            while (prefix < maxPrefix && s1.charAt(prefix) == s2.charAt(prefix)) {
                prefix++;
            }
            sim = Math.fma(prefix * 0.1, 1.0 - sim, sim);
        }
        return sim;
    }
}

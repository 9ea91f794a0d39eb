package com.checkupflow.kernel;

/** Synthetic resident registration numbers for tests in every package. */
public final class SyntheticRrns {

    private SyntheticRrns() {
    }

    /** A synthetic RRN with a correct check digit, e.g. rrn("820315", 1, "23456") → 820315-123456C. */
    public static String rrn(String yymmdd, int g, String serial) {
        String twelve = yymmdd + g + serial;
        return yymmdd + "-" + g + serial + RrnValidator.checkDigit(twelve);
    }
}

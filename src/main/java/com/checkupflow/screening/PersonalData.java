package com.checkupflow.screening;

/** Masking of personal data for everything but the places where staff need it in full. */
public final class PersonalData {

    private PersonalData() {
    }

    /** 김민수 → 김*수, 이준 → 이*, John Smith → J********h. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        int[] cps = n.codePoints().toArray();
        if (cps.length == 1) {
            return n;
        }
        StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return sb.append('*').toString();
        }
        sb.append("*".repeat(cps.length - 2));
        return sb.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** 980425-1234567 or 9804251234567 → 980425-1******. */
    public static String maskRrn(String rrn) {
        if (rrn == null) {
            return null;
        }
        String digits = rrn.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "******-*******";
        }
        return digits.substring(0, 6) + "-" + digits.charAt(6) + "******";
    }
}

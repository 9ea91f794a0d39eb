package com.checkupflow.kernel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a resident registration number (주민등록번호, screening-criteria.md §6) against the Patient's birthDate and
 * gender. Never logs or echoes the number.
 *
 * <p>Format {@code YYMMDD-GNNNNNC}, hyphen optional. Century and sex from G: 1/2 = 1900s man/woman, 3/4 = 2000s;
 * the foreigners' registration codes 5/6 (1900s) and 7/8 (2000s) and the historical 9/0 (1800s) are accepted with the
 * same parity (odd = male, even = female). Problems: {@code rrn_malformed} (nothing else is checked then),
 * {@code rrn_birthdate_mismatch}, {@code rrn_sex_mismatch}, {@code rrn_check_digit_warning} (numbers issued since
 * Oct 2020 need not satisfy the check digit, so it is only a warning).
 */
public final class RrnValidator {

    public static final String MALFORMED = "rrn_malformed";
    public static final String BIRTHDATE_MISMATCH = "rrn_birthdate_mismatch";
    public static final String SEX_MISMATCH = "rrn_sex_mismatch";
    public static final String CHECK_DIGIT_WARNING = "rrn_check_digit_warning";

    private static final Pattern FORMAT = Pattern.compile("(\\d{6})-?(\\d{7})");
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    private RrnValidator() {
    }

    /** The problems of an RRN (empty when none); no problems for a null RRN. */
    public static List<String> problems(String rrn, LocalDate birthDate, Sex sex) {
        List<String> problems = new ArrayList<>();
        if (rrn == null) {
            return problems;
        }
        Matcher m = FORMAT.matcher(rrn.trim());
        if (!m.matches()) {
            problems.add(MALFORMED);
            return problems;
        }
        String digits = m.group(1) + m.group(2);
        int g = digits.charAt(6) - '0';
        int century = switch (g) {
            case 1, 2, 5, 6 -> 1900;
            case 3, 4, 7, 8 -> 2000;
            default -> 1800; // 9, 0
        };
        LocalDate rrnDate;
        try {
            rrnDate = LocalDate.of(century + Integer.parseInt(digits.substring(0, 2)),
                    Integer.parseInt(digits.substring(2, 4)), Integer.parseInt(digits.substring(4, 6)));
        } catch (DateTimeException e) {
            problems.add(MALFORMED);
            return problems;
        }
        if (birthDate != null && !birthDate.equals(rrnDate)) {
            problems.add(BIRTHDATE_MISMATCH);
        }
        Sex rrnSex = g % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        if (sex != null && sex != rrnSex) {
            problems.add(SEX_MISMATCH);
        }
        if (checkDigit(digits) != digits.charAt(12) - '0') {
            problems.add(CHECK_DIGIT_WARNING);
        }
        return problems;
    }

    /** The sex the RRN's seventh digit gives (odd = male, even = female); empty for a null or malformed RRN. */
    public static Optional<Sex> sex(String rrn) {
        if (rrn == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(rrn.trim());
        return m.matches() ? Optional.of((m.group(2).charAt(0) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE) : Optional.empty();
    }

    /** C = (11 − Σ dᵢ·wᵢ mod 11) mod 10 over the first 12 digits. */
    public static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return (11 - sum % 11) % 10;
    }

    /** {@code 980425-1******}: the form shown everywhere but where staff need the number. */
    public static String mask(String rrn) {
        if (rrn == null) {
            return null;
        }
        Matcher m = FORMAT.matcher(rrn.trim());
        return m.matches() ? m.group(1) + "-" + m.group(2).charAt(0) + "******" : "*".repeat(Math.min(rrn.length(), 14));
    }
}

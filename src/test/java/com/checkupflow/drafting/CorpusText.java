package com.checkupflow.drafting;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the corpus' phrasing templates. {@code {name}} is replaced by a variable; in Korean {@code {name/이}}
 * adds the particle that fits the word's last sound (이/가, 은/는, 을/를, 과/와, 으로/로), read as a Korean
 * speaker reads it: "HDL 콜레스테롤이", "AST가", "eGFR로", "감마지티피(γ-GTP)가".
 */
final class CorpusText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)(?:/([가-힣]+))?}");

    private CorpusText() {
    }

    /** The variables a template needs, so a family only applies when every one of them is known. */
    static boolean fillable(String template, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (vars.get(m.group(1)) == null) {
                return false;
            }
        }
        return true;
    }

    static String fill(String template, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? value : value + particle(value, m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The form of the particle after {@code word}; {@code particle} is given in its after-consonant form. */
    static String particle(String word, String particle) {
        Sound sound = lastSound(word);
        return switch (particle) {
            case "이" -> sound == Sound.VOWEL ? "가" : "이";
            case "은" -> sound == Sound.VOWEL ? "는" : "은";
            case "을" -> sound == Sound.VOWEL ? "를" : "을";
            case "과" -> sound == Sound.VOWEL ? "와" : "과";
            case "으로" -> sound == Sound.CONSONANT ? "으로" : "로";
            case "이라" -> sound == Sound.VOWEL ? "라" : "이라";
            default -> throw new IllegalArgumentException("unknown particle " + particle);
        };
    }

    private enum Sound { VOWEL, CONSONANT, RIEUL }

    private static Sound lastSound(String word) {
        String w = word.strip();
        // "감마지티피(γ-GTP)": the particle follows the word before the parenthesis
        while (w.endsWith(")") && w.lastIndexOf('(') > 0) {
            w = w.substring(0, w.lastIndexOf('(')).strip();
        }
        if (w.endsWith("cm")) {
            return Sound.VOWEL; // 센티미터
        }
        char c = w.charAt(w.length() - 1);
        if (c >= 0xAC00 && c <= 0xD7A3) {
            int jong = (c - 0xAC00) % 28;
            return jong == 0 ? Sound.VOWEL : jong == 8 ? Sound.RIEUL : Sound.CONSONANT;
        }
        if (Character.isDigit(c)) {
            // 영 일 이 삼 사 오 육 칠 팔 구
            return switch (c) {
                case '0', '3', '6' -> Sound.CONSONANT;
                case '1', '7', '8' -> Sound.RIEUL;
                default -> Sound.VOWEL;
            };
        }
        return switch (Character.toUpperCase(c)) {
            case 'L', 'R' -> Sound.RIEUL;
            case 'M', 'N' -> Sound.CONSONANT;
            default -> Sound.VOWEL;
        };
    }
}

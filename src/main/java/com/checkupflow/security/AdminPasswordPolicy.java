package com.checkupflow.security;

import java.util.ArrayList;
import java.util.List;

/** What a production administrator password must be. */
final class AdminPasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MIN_CHARACTER_CLASSES = 3;

    private AdminPasswordPolicy() {
    }

    /** @return why the password is unacceptable; empty when it is acceptable */
    static List<String> problems(String userId, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isBlank()) {
            problems.add("it is missing");
            return problems;
        }
        if (password.equalsIgnoreCase("demo")) {
            problems.add("it is the demo password");
        }
        if (userId != null && password.equalsIgnoreCase(userId)) {
            problems.add("it equals the user id");
        }
        if (password.length() < MIN_LENGTH) {
            problems.add("it is shorter than " + MIN_LENGTH + " characters");
        }
        if (characterClasses(password) < MIN_CHARACTER_CLASSES) {
            problems.add("it has fewer than " + MIN_CHARACTER_CLASSES
                    + " of the character classes lower case, upper case, digits, other");
        }
        return problems;
    }

    static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}

package com.checkupflow.security;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class AdminPasswordPolicyTest {

    @Test
    void shouldRejectMissingDemoUserIdShortAndSimplePasswords() {
        Assertions.assertThat(AdminPasswordPolicy.problems("admin", null)).containsExactly("it is missing");
        Assertions.assertThat(AdminPasswordPolicy.problems("admin", " ")).containsExactly("it is missing");
        Assertions.assertThat(AdminPasswordPolicy.problems("admin", "demo")).contains("it is the demo password");
        Assertions.assertThat(AdminPasswordPolicy.problems("administrator1X", "Administrator1x"))
                .contains("it equals the user id");
        Assertions.assertThat(AdminPasswordPolicy.problems("admin", "Ab1!xyz")).anyMatch(p -> p.contains("shorter"));
        Assertions.assertThat(AdminPasswordPolicy.problems("admin", "alllowercase123"))
                .anyMatch(p -> p.contains("character classes"));
        Assertions.assertThat(AdminPasswordPolicy.problems("admin", "alllowercaseletters"))
                .anyMatch(p -> p.contains("character classes"));
    }

    @Test
    void shouldAcceptLongPasswordWithThreeCharacterClasses() {
        Assertions.assertThat(AdminPasswordPolicy.problems("admin", "Checkup-Flow-2026")).isEmpty();
        Assertions.assertThat(AdminPasswordPolicy.characterClasses("aA1!")).isEqualTo(4);
    }
}

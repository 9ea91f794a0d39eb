package com.checkupflow.review;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** Task kinds and the words of the patient label ({@code labels/tasks.properties}), Korean or English. */
final class TaskNames {

    private static final Properties TEXTS = new Properties();

    static {
        try (Reader in = new InputStreamReader(
                TaskNames.class.getResourceAsStream("/labels/tasks.properties"), StandardCharsets.UTF_8)) {
            TEXTS.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TaskNames() {
    }

    /** "결과지 검토 – 김*수, 54세 여, 강남센터, 2026-07-07"; a task of no known kind keeps its model name. */
    static String name(String taskDefinitionKey, String modelName, String patientLabel, String language) {
        return TEXTS.getProperty(taskDefinitionKey + "." + language, modelName) + " – " + patientLabel;
    }

    /** What the task asks for, in plain words (the model's documentation is for designers and names variables). */
    static String description(String taskDefinitionKey, String language) {
        return TEXTS.getProperty(taskDefinitionKey + ".description." + language);
    }

    static String text(String key, String language) {
        return TEXTS.getProperty(key + "." + language, key);
    }

    static String format(String key, String language, Object... arguments) {
        return new MessageFormat(text(key, language), Locale.ROOT).format(arguments);
    }
}

package com.checkupflow.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start, before the engine or the database migration exists, when no master key may be created (the
 * {@code prod} profile) and none is configured, or the one configured is not a Tink keyset. After the
 * administrator password check, so that each refusal names one problem at a time. The message never shows a key.
 */
@Component
class MasterKeyGuard implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static String missingMessage() {
        return "Refusing to start: there is no master key for the encryption of personal data. Set the environment"
                + " variable CHECKUPFLOW_MASTER_KEY to a Tink AEAD keyset (JSON), or CHECKUPFLOW_MASTER_KEY_FILE to the"
                + " path of a keyset file, e.g. one made with `tinkey create-keyset --key-template AES256_GCM"
                + " --out-format json` (docs/privacy.md). Without it the personal data in the database cannot be read.";
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.getProperty(CryptoProperties.PREFIX + ".create-master-key", Boolean.class, true)) {
            return;
        }
        String key = environment.getProperty(CryptoProperties.PREFIX + ".master-key");
        String file = environment.getProperty(CryptoProperties.PREFIX + ".master-key-file");
        String json;
        String source;
        try {
            if (key != null && !key.isBlank()) {
                json = key;
                source = "CHECKUPFLOW_MASTER_KEY";
            } else if (file != null && !file.isBlank() && Files.isRegularFile(Path.of(file))) {
                json = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                source = "the master key file " + file;
            } else {
                throw new IllegalStateException(missingMessage());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Refusing to start: the master key file " + file + " cannot be read", e);
        }
        try {
            MasterKey.parse(json);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Refusing to start: " + source
                    + " is not a Tink AEAD keyset in JSON (docs/privacy.md)");
        }
    }
}

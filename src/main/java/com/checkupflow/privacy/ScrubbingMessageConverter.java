package com.checkupflow.privacy;

import java.util.List;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback {@code %scrubbedMsg{logger, …}}: the message with the personal-data patterns of
 * {@link PersonalDataScrubber} replaced. For the loggers named in the options (and their children) only the message's
 * fixed part is kept, up to its first ": ": the engine's context logger writes a failed command's exception message
 * after it ("ENGINE-16004 Exception while closing command context: …"), which may hold lab values no pattern knows.
 */
public class ScrubbingMessageConverter extends ClassicConverter {

    private List<String> cutLoggers = List.of();

    @Override
    public void start() {
        List<String> options = getOptionList();
        cutLoggers = options == null ? List.of() : List.copyOf(options);
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message == null) {
            return "";
        }
        String logger = event.getLoggerName();
        for (String cut : cutLoggers) {
            if (logger.equals(cut) || logger.startsWith(cut + ".")) {
                int colon = message.indexOf(": ");
                return colon < 0 ? PersonalDataScrubber.scrub(message) : message.substring(0, colon) + ": [withheld]";
            }
        }
        return PersonalDataScrubber.scrub(message);
    }
}

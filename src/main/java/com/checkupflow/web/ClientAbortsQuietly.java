package com.checkupflow.web;

import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * A browser that leaves while a response is written ("Broken pipe", Tomcat's {@link ClientAbortException}) is no
 * fault of the application, but Jersey (the engine's REST API and the webapps) logs it at ERROR with some 200 stack
 * lines. Such an event becomes one DEBUG line on the same logger, without the stack. Installed by logback-spring.xml.
 */
public class ClientAbortsQuietly extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (t == null || !level.isGreaterOrEqual(Level.WARN) || !clientAbort(t)) {
            return FilterReply.NEUTRAL;
        }
        if (logger.isDebugEnabled()) {
            logger.debug("The client went away while the response was written: {}", format);
        }
        return FilterReply.DENY;
    }

    private static boolean clientAbort(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ClientAbortException) {
                return true;
            }
        }
        return false;
    }
}

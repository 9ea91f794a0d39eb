package com.checkupflow.web;

/** One problem in a problem document's {@code problems} list: a stable code and a human detail. */
public record Problem(String code, String detail) {
}

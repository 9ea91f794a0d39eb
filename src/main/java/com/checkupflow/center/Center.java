package com.checkupflow.center;

/**
 * A screening center. Its {@code id} is also the engine tenant id of its screenings.
 *
 * @param language default report language ("ko" or "en")
 */
public record Center(String id, String nameKo, String nameEn, String language) {

    public String displayName(String lang) {
        return "en".equals(lang) ? nameEn : nameKo;
    }
}

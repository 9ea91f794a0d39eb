package com.checkupflow.center;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The configured centers ({@code checkupflow.centers}). */
@Component
public class Centers {

    private final List<Center> all;

    Centers(CenterProperties properties) {
        if (properties.centers().isEmpty()) {
            throw new IllegalStateException("No screening centers configured (checkupflow.centers)");
        }
        this.all = properties.centers();
    }

    public List<Center> all() {
        return all;
    }

    public Optional<Center> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Center get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("Unknown center: " + id));
    }
}

package com.checkupflow.judgement;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The stored form of a judgement: the contract JSON, read back with exact decimals. */
@Component
public class JudgementJson {

    private final ObjectMapper writer;
    private final ObjectMapper reader;

    JudgementJson(ObjectMapper json) {
        this.writer = json;
        this.reader = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public String write(Judgement judgement) {
        try {
            return writer.writeValueAsString(judgement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Judgement could not be serialized", e);
        }
    }

    public Judgement read(String json) {
        try {
            Judgement raw = reader.readValue(json, Judgement.class);
            Map<String, Judgement.Item> items = new LinkedHashMap<>();
            raw.items().forEach((key, item) -> items.put(key, new Judgement.Item(item.status(), item.category(),
                    decimal(item.value()), item.unit(), decimal(item.reportedValue()), item.reportedUnit(),
                    item.invalidReason(), item.observationId())));
            return new Judgement(raw.ruleset(), items, raw.judgements(), raw.overall());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored judgement could not be read", e);
        }
    }

    private static Object decimal(Object value) {
        return value instanceof Number n && !(value instanceof BigDecimal) ? new BigDecimal(n.toString()) : value;
    }
}

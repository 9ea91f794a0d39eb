package com.checkupflow.engine;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stores a String variable longer than the engine's text columns ({@code TEXT_} of {@code ACT_RU_VARIABLE} and
 * {@code ACT_HI_DETAIL} is VARCHAR(4000)) as UTF-8 bytes in {@code ACT_GE_BYTEARRAY}, so that a physician's
 * hand-written report or note of any length can be submitted from the Tasklist form or the API. It stays a
 * String variable to every reader (forms, REST, delegates); shorter Strings keep the engine's own serializer.
 * Registered before the engine's serializers (it must win for long values only).
 */
class LongStringSerializer extends PrimitiveValueSerializer<StringValue> {

    static final String NAME = "checkupflowLongString";
    /** The engine's text columns hold 4,000 characters. */
    static final int ENGINE_TEXT_LIMIT = 4000;

    LongStringSerializer() {
        super(ValueType.STRING);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
        return value.getValue() instanceof String text && text.length() > ENGINE_TEXT_LIMIT;
    }

    @Override
    public StringValue convertToTypedValue(UntypedValueImpl untyped) {
        return Variables.stringValue((String) untyped.getValue(), untyped.isTransient());
    }

    @Override
    public void writeValue(StringValue value, ValueFields fields) {
        fields.setTextValue(null);
        fields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public StringValue readValue(ValueFields fields, boolean asTransientValue) {
        byte[] bytes = fields.getByteArrayValue();
        return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
    }
}

package dev.frontier.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The document's explicit unknowns in JSON: an empty {@link Optional} or {@link OptionalDouble} is written as
 * {@code null} and a present one as its value, so {@code results.json} keeps the shape it had when these members were
 * nullable; {@code null} or a missing member reads back as empty.
 */
final class OptionalJson {

    private OptionalJson() {
    }

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("frontier-results-optional");
        m.addSerializer(new OptionalSerializer());
        m.addSerializer(new OptionalDoubleSerializer());
        m.addDeserializer(Optional.class, new OptionalDeserializer(null, null));
        m.addDeserializer(OptionalDouble.class, new OptionalDoubleDeserializer());
        return m;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class OptionalSerializer extends StdSerializer<Optional> {
        OptionalSerializer() {
            super(Optional.class);
        }

        @Override
        public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                provider.defaultSerializeValue(value.get(), gen);
            } else {
                gen.writeNull();
            }
        }
    }

    private static final class OptionalDoubleSerializer extends StdSerializer<OptionalDouble> {
        OptionalDoubleSerializer() {
            super(OptionalDouble.class);
        }

        @Override
        public void serialize(OptionalDouble value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            if (value.isPresent()) {
                gen.writeNumber(value.getAsDouble());
            } else {
                gen.writeNull();
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class OptionalDeserializer extends StdDeserializer<Optional>
            implements ContextualDeserializer {
        private final transient JavaType content;
        private final transient JsonDeserializer<Object> contentDeserializer;

        OptionalDeserializer(JavaType content, JsonDeserializer<Object> contentDeserializer) {
            super(Optional.class);
            this.content = content;
            this.contentDeserializer = contentDeserializer;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws com.fasterxml.jackson.databind.JsonMappingException {
            JavaType type = property != null ? property.getType() : ctxt.getContextualType();
            JavaType inner = type == null ? null : type.containedType(0);
            if (inner == null) {
                inner = ctxt.constructType(Object.class);
            }
            return new OptionalDeserializer(inner, ctxt.findContextualValueDeserializer(inner, property));
        }

        @Override
        public Optional<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (contentDeserializer == null) {
                throw new IllegalStateException("Optional read without its content type");
            }
            return Optional.ofNullable(contentDeserializer.deserialize(p, ctxt));
        }

        @Override
        public Optional<?> getNullValue(DeserializationContext ctxt) {
            return Optional.empty();
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return Optional.empty();
        }
    }

    private static final class OptionalDoubleDeserializer extends StdDeserializer<OptionalDouble> {
        OptionalDoubleDeserializer() {
            super(OptionalDouble.class);
        }

        @Override
        public OptionalDouble deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return OptionalDouble.of(ctxt.readValue(p, Double.class));
        }

        @Override
        public OptionalDouble getNullValue(DeserializationContext ctxt) {
            return OptionalDouble.empty();
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return OptionalDouble.empty();
        }
    }
}

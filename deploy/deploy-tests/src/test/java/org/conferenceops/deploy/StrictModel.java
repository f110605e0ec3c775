package org.conferenceops.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reads manifests into the typed fabric8 and Strimzi models the way the API server would accept them: an unknown
 * field or a value of the wrong type is an error. Out of the box both models keep unknown fields in an
 * "additionalProperties" map (any-setter) and Jackson coerces "3" into 3; both are switched off here.
 */
final class StrictModel {

    private static final ObjectMapper MAPPER = create();

    private StrictModel() {
    }

    static <T> T read(JsonNode manifest, Class<T> type) {
        try {
            return MAPPER.treeToValue(manifest, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        SimpleModule strict = new SimpleModule("strict-kubernetes-model");
        strict.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                    BeanDeserializerBuilder builder) {
                String name = bean.getBeanClass().getName();
                if (name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.")) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                }
                return builder;
            }
        });
        mapper.registerModule(strict);
        return mapper;
    }
}

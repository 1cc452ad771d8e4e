package io.multibot.management.status;

import io.multibot.common.status.BotState;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Keeps a live status's state in its column as the lower-case wire name ({@code running}, {@code
 * offline}), as rows written before the state was typed hold it; a name this version does not know
 * reads as {@code UNKNOWN}.
 */
@Converter
public class BotStateColumn implements AttributeConverter<BotState, String> {

  @Override
  public String convertToDatabaseColumn(BotState state) {
    return (state == null ? BotState.UNKNOWN : state).wire();
  }

  @Override
  public BotState convertToEntityAttribute(String column) {
    return BotState.ofWire(column);
  }
}

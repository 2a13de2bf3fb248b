package nl.jeugdkubus.common;

import nl.jeugdkubus.model.DeadLetter;

/** Builds dead letters. The detail text must never contain a BSN: pass masked values only. */
public final class DeadLetters {
  private DeadLetters() {}

  public static DeadLetter of(
      String source, String sourceFile, String position, String stage, String reason, String detail,
      String maskedId, String recordType) {
    return DeadLetter.newBuilder()
        .setSource(source)
        .setSourceFile(sourceFile)
        .setPosition(position)
        .setStage(stage)
        .setReason(reason)
        .setDetail(detail)
        .setMaskedId(maskedId)
        .setRecordType(recordType)
        .build();
  }

  /** Masks an identifier so a dead letter can point at it without revealing it: '*******82'. */
  public static String mask(String id) {
    if (id == null) return null;
    String t = id.trim();
    if (t.length() <= 2) return "*".repeat(t.length());
    return "*".repeat(t.length() - 2) + t.substring(t.length() - 2);
  }
}

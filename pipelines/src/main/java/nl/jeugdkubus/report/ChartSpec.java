package nl.jeugdkubus.report;

/**
 * What every chart carries: an element id, a title, the unit of the value axis (schemas/PublishedRow.avsc
 * eenheid), the source line and a short plain-Dutch reading aid.
 */
public record ChartSpec(String id, String title, String eenheid, String source, String readingAid) {}

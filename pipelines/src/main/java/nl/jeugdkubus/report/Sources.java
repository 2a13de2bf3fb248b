package nl.jeugdkubus.report;

import java.util.TreeSet;

/** The source lines of the charts. */
final class Sources {
  private Sources() {}

  static final String OWN = "eigen registraties (lokaal team) en iJw-berichten (JW301/305/307/323), gepubliceerde tabellen jeugdkubus";
  static final String IJW = "iJw-berichten (JW301/305/307/323), gepubliceerde tabellen jeugdkubus";
  static final String LOCAL = "eigen registraties (lokaal team) en iJw-berichten, gepubliceerde tabellen jeugdkubus";
  static final String COSTS = "declaraties (iJw JW323 en declaratiebestand), gepubliceerde tabellen jeugdkubus";

  static String cbs(ReportData data, String tabel, String indicator, String own) {
    TreeSet<String> st = data.cbsStatus(tabel, indicator);
    return own + "; CBS 85098NED (status: " + (st.isEmpty() ? "onbekend" : String.join(", ", st)) + ")";
  }

  static String run(ReportData data, String s) {
    return s + "; run " + data.runId();
  }
}

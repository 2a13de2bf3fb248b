package nl.jeugdkubus.report;

/**
 * The HTML shell of every report page: a strict Content-Security-Policy (nothing may be loaded: no
 * scripts, fonts, images or styles from anywhere; only the page's own inline style), system fonts, A4 print.
 */
final class Page {
  private Page() {}

  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; "
      + "font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'";

  static final String STYLE = "body{font-family:sans-serif;color:#000;background:#fff;max-width:60em;margin:1em auto;padding:0 1em;}"
      + "h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:2px solid #000;margin-top:1.5em}h3{font-size:1.05em;margin:0.2em 0}"
      + "figure.grafiek{margin:1em 0 1.5em 0;break-inside:avoid;page-break-inside:avoid}svg{max-width:100%;height:auto}"
      + "ul.legenda{list-style:none;padding:0;margin:0.2em 0;display:flex;flex-wrap:wrap;gap:0.3em 1.2em;font-size:0.9em}"
      + "ul.legenda svg{vertical-align:middle;margin-right:0.3em}"
      + "p.noot,p.bron{font-size:0.85em;margin:0.2em 0}p.leeswijzer{font-size:0.9em;font-style:italic;margin:0.3em 0}"
      + "table{border-collapse:collapse;font-size:0.9em}td,th{border:1px solid #999;padding:2px 6px;text-align:left}"
      + "td.getal{text-align:right}.klein{display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));gap:0.5em}"
      + ".klein figure.grafiek{margin:0.3em 0}.klein p.bron,.klein p.leeswijzer{display:none}"
      + "@page{size:A4;margin:15mm}@media print{body{max-width:none;margin:0}a{color:#000}}";

  static String html(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + Html.esc(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
  }
}

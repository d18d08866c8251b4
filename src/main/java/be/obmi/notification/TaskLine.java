package be.obmi.notification;

/** An item a mail asks about: code, title and the link to its update page. */
record TaskLine(String code, String title, String link) {

}

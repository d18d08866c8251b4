/**
 * Open data formats: a small statistical cube model with streaming writers and strict
 * readers for JSON-stat 2.0, SDMX-CSV 2.0, PX, CSV on the Web and XLSX, plus the DCAT-AP
 * 3 catalogue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package be.obmi.opendata;

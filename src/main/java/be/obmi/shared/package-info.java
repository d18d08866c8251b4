/**
 * Shared kernel: the few small types every module may use (value types, common
 * exceptions). Not a dumping ground.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package be.obmi.shared;

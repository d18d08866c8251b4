-- Online backup of the embedded PostgreSQL while OBMi runs (docs/operations.md). From OBMi's folder, with a fixed
-- obmi.embedded-database.port (here 5433) and any psql (15 or newer):
--
--   BACKUP=/backup/obmi-$(date +%F) psql -h localhost -p 5433 -U postgres -d postgres -f scripts/backup-embedded-online.sql
--
-- BACKUP: a new folder for the copy; OBMI_DATA: the data folder when it is not data/postgres. Restore: with OBMi
-- stopped, the copy becomes the data folder. Everything runs in this one session, as pg_backup_start/stop require.
\set ON_ERROR_STOP on
\getenv backup BACKUP
select pg_backup_start('obmi', true);
\! mkdir -p "$BACKUP/pg_wal" && chmod 700 "$BACKUP" && tar -C "${OBMI_DATA:-data/postgres}" --exclude=./postmaster.pid --exclude=./postmaster.opts --exclude=./epg-lock --exclude='./pg_wal/*' --exclude='./pg_replslot/*' --exclude='./pg_stat_tmp/*' --exclude='./pg_dynshmem/*' --exclude='./pg_notify/*' --exclude='./pg_serial/*' --exclude='./pg_snapshots/*' --exclude='./pg_subtrans/*' --warning=no-file-changed --warning=no-file-removed -cf - . | tar -C "$BACKUP" -xf -
\t on
\a
\o :backup/backup_label
select labelfile from pg_backup_stop(false);
\o
\! tar -C "${OBMI_DATA:-data/postgres}/pg_wal" -cf - . | tar -C "$BACKUP/pg_wal" -xf - && echo "Online backup written to $BACKUP"

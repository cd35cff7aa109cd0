-- UUID version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then random bits. Built on
-- gen_random_uuid() (version 4, variant already set): its first six bytes replaced by the time, its
-- version nibble turned from 4 into 7 (bits 52 and 53). PostgreSQL 18 has uuidv7(); 15–17 do not.
CREATE OR REPLACE FUNCTION accord_uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "id" SET DEFAULT accord_uuid_v7();

-- 0012: terminal payments not settled yet (OCPP 2.1 ad hoc payment, C18-C23).
-- One row per approved payment card until it is settled or cancelled, so a reboot between the end of a transaction and
-- its settlement does not lose the capture (C21). record_json is the payment block's StoredPayment (pspRef, token,
-- authorized amount, transaction, VAT data, whether the settlement is due and its amount).
CREATE TABLE payment (
    psp_ref      TEXT PRIMARY KEY NOT NULL,
    record_json  TEXT NOT NULL
) STRICT;

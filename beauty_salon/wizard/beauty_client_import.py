# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Import of a client notebook (CSV or XLSX): the columns salons keep in a spreadsheet.

Phones are normalised, duplicates are merged by phone or e-mail (in the file and in the database), every
rejected row is reported with its reason, and importing the same file again creates nobody twice.
"""

import base64
import csv
import io
import re
from datetime import date, datetime

import openpyxl

from odoo import Command, fields, models
from odoo.exceptions import UserError

# Column headers understood (lower case), Russian and English.
COLUMNS = {
    "registration": ("registration date", "client since", "дата регистрации", "клиент с"),
    "name": ("name", "client", "имя", "фио", "клиент"),
    "phone": ("phone", "mobile", "телефон", "мобильный"),
    "email": ("email", "e-mail", "почта", "эл. почта"),
    "last_visit": ("last visit", "last visit date", "последний визит", "дата последнего визита"),
    "birthday": ("birthday", "birth date", "день рождения", "дата рождения"),
    "spent": ("total spent", "spent", "сумма покупок", "потрачено", "всего потрачено"),
    "visits": ("visits", "number of visits", "визиты", "визитов", "количество визитов"),
    "note": ("note", "notes", "comment", "примечание", "комментарий"),
}
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y", "%d-%m-%Y", "%Y.%m.%d", "%d.%m.%Y %H:%M")


def parse_date(value):
    """A date from a spreadsheet cell: a date object or text in one of the usual formats; None if empty."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_amount(value):
    """``12 500,50 ₽`` or ``12500.5`` as a float; None if empty."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = re.sub(r"[^\d,.\-]", "", str(value)).replace(",", ".")
    if text.count(".") > 1:
        head, _sep, tail = text.rpartition(".")
        text = head.replace(".", "") + "." + tail
    return float(text)


class BeautyClientImport(models.TransientModel):
    _name = "beauty.client.import"
    _description = "Import a Client Notebook"

    file = fields.Binary(required=True, help="CSV (comma, semicolon or tab) or XLSX.")
    filename = fields.Char()
    paper_consent = fields.Boolean(
        string="Clients Signed a Consent",
        help="The salon holds signed personal-data consents of these clients (recorded as paper consents).",
    )
    line_ids = fields.One2many("beauty.client.import.line", "import_id", string="Result", readonly=True)
    created_count = fields.Integer(readonly=True)
    updated_count = fields.Integer(readonly=True)
    rejected_count = fields.Integer(readonly=True)
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")

    # ------------------------------------------------------------------ reading
    def _rows(self):
        """The file's rows as dicts keyed by our column names (row number included)."""
        content = base64.b64decode(self.file or b"")
        if (self.filename or "").lower().endswith(".xlsx") or content[:2] == b"PK":
            sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
            table = [list(row) for row in sheet.iter_rows(values_only=True)]
        else:
            for encoding in ("utf-8-sig", "cp1251"):
                try:
                    text = content.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
            else:
                raise UserError(self.env._("The file is neither UTF-8 nor Windows-1251 text."))
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
            table = list(csv.reader(io.StringIO(text), dialect))
        if not table:
            raise UserError(self.env._("The file is empty."))
        header = [str(cell or "").strip().lower() for cell in table[0]]
        index = {}
        for key, aliases in COLUMNS.items():
            for position, title in enumerate(header):
                if title in aliases:
                    index[key] = position
                    break
        if "name" not in index or not ({"phone", "email"} & set(index)):
            raise UserError(self.env._("The file needs a name column and a phone or e-mail column."))
        for number, row in enumerate(table[1:], start=2):
            if not any(cell not in (None, "") for cell in row):
                continue
            yield number, {key: (row[pos] if pos < len(row) else None) for key, pos in index.items()}

    def _parse(self, raw):
        """Clean values of one row, or raise ValueError with the reason it is rejected."""
        name = str(raw.get("name") or "").strip()
        if not name:
            raise ValueError(self.env._("No name"))
        phone_text = str(raw.get("phone") or "").strip()
        phone = self.env["res.partner"]._salon_normalize_phone(phone_text) if phone_text else None
        if phone_text and not phone:
            raise ValueError(self.env._("Invalid phone: %(phone)s", phone=phone_text))
        email_text = str(raw.get("email") or "").strip()
        email = self.env["res.partner"]._salon_clean_email(email_text) if email_text else None
        if email_text and not email:
            raise ValueError(self.env._("Invalid e-mail: %(email)s", email=email_text))
        if not phone and not email:
            raise ValueError(self.env._("No phone or e-mail"))
        values = {"name": name, "phone": phone, "email": email, "note": str(raw.get("note") or "").strip()}
        for key in ("registration", "last_visit", "birthday"):
            try:
                values[key] = parse_date(raw.get(key))
            except ValueError as error:
                raise ValueError(self.env._("Unreadable date: %(value)s", value=error.args[0])) from None
        try:
            values["spent"] = parse_amount(raw.get("spent"))
            values["visits"] = int(parse_amount(raw.get("visits")) or 0)
        except ValueError:
            raise ValueError(self.env._("Unreadable number in total spent or visits")) from None
        return values

    # ------------------------------------------------------------------ importing
    def action_import(self):
        self.ensure_one()
        Partner = self.env["res.partner"]
        results, touched = [], Partner
        created = updated = rejected = 0
        for number, raw in self._rows():
            try:
                values = self._parse(raw)
            except ValueError as error:
                rejected += 1
                results.append(
                    {
                        "row": number,
                        "name": str(raw.get("name") or ""),
                        "status": "rejected",
                        "reason": str(error),
                    }
                )
                continue
            partner = Partner._salon_find_client(values["phone"], values["email"])
            if partner:
                updated += partner not in touched
                status = "updated"
                partner.write(self._partner_update_vals(partner, values))
            else:
                created += 1
                status = "created"
                partner = Partner.create(self._partner_create_vals(values))
            touched |= partner
            results.append(
                {"row": number, "name": values["name"], "status": status, "partner_id": partner.id}
            )
        if self.paper_consent:
            without = touched.filtered(lambda p: not p.salon_personal_data_consent)
            self.env["beauty.consent"].create(
                [
                    {"partner_id": p.id, "channel": "paper", "source": self.filename or "import"}
                    for p in without
                ]
            )
        touched._salon_refresh_stats()
        self.write(
            {
                "line_ids": [Command.clear()] + [Command.create(vals) for vals in results],
                "created_count": created,
                "updated_count": updated,
                "rejected_count": rejected,
                "state": "done",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Result"),
        }

    def _partner_create_vals(self, values):
        return {
            "name": values["name"],
            "phone": values["phone"],
            "email": values["email"],
            "is_salon_client": True,
            "salon_preferences": values["note"] or False,
            "birthdate_date": values["birthday"],
            "salon_registration_date": values["registration"],
            "salon_imported_last_visit": values["last_visit"],
            "salon_imported_spent": values["spent"] or 0.0,
            "salon_imported_visit_count": values["visits"],
        }

    def _partner_update_vals(self, partner, values):
        """Fill what is missing; the notebook's figures replace the previous import's (never added twice)."""
        vals = {
            "is_salon_client": True,
            "salon_imported_spent": values["spent"] or 0.0,
            "salon_imported_visit_count": values["visits"],
            "salon_imported_last_visit": values["last_visit"],
        }
        for fname, key in (("phone", "phone"), ("email", "email"), ("birthdate_date", "birthday")):
            if not partner[fname] and values[key]:
                vals[fname] = values[key]
        if values["registration"] and (
            not partner.salon_registration_date or values["registration"] < partner.salon_registration_date
        ):
            vals["salon_registration_date"] = values["registration"]
        if values["note"] and values["note"] not in (partner.salon_preferences or ""):
            vals["salon_preferences"] = "\n".join(filter(None, [partner.salon_preferences, values["note"]]))
        return vals

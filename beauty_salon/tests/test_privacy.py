# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import base64
import io

from freezegun import freeze_time
from PIL import Image

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import BeautySalonCase, moscow

PHONE = "+7 916 123-45-67"
MASKED_PHONE = "+* *** ***-**-67"


def png():
    """A small real picture, base64-encoded (Odoo checks that an image field holds an image)."""
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue())


@tagged("post_install", "-at_install")
class TestClientContactsHidden(BeautySalonCase):
    """The branch setting that masks client phones and e-mails from reception; exports for managers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "base.group_user,base.group_allow_export,beauty_salon.beauty_salon_group_"
        cls.reception = new_test_user(cls.env, login="privacy_reception", groups=groups + "user")
        cls.manager = new_test_user(cls.env, login="privacy_manager", groups=groups + "manager")
        cls.master_user = new_test_user(cls.env, login="privacy_master", groups=groups + "master")
        cls.employee = new_test_user(
            cls.env, login="privacy_employee", groups="base.group_user,base.group_allow_export"
        )
        cls.master_anna.user_id = cls.master_user
        cls.client.write({"email": "ivanova@example.com", "is_salon_client": True})
        cls.supplier = cls.env["res.partner"].create({"name": "Dye supplier", "phone": "+7 495 111-22-33"})
        cls.visit = cls.book(cls, cls.haircut, cls.master_anna, "2030-03-04 10:00")

    def hide(self, hidden=True):
        self.company.salon_hide_client_contacts = hidden

    def test_reception_sees_real_contacts_unless_the_branch_hides_them(self):
        self.hide(False)
        values = self.client.with_user(self.reception).read(["phone", "email"])[0]
        self.assertEqual((values["phone"], values["email"]), (PHONE, "ivanova@example.com"))
        self.hide()
        Partner = self.env["res.partner"].with_user(self.reception)
        values = Partner.browse(self.client.id).read(["phone", "mobile", "email", "email_formatted"])[0]
        self.assertEqual(values["phone"], MASKED_PHONE)
        self.assertEqual(values["email"], "i***@***")
        self.assertNotIn("ivanova@", values["email_formatted"])
        rows = Partner.search_read(
            [("id", "=", self.client.id)], ["phone", "phone_sanitized", "email_normalized"]
        )
        self.assertEqual(rows[0]["phone"], MASKED_PHONE)
        self.assertNotIn("9161234567", rows[0]["phone_sanitized"])
        self.assertEqual(rows[0]["email_normalized"], "i***@***")
        web = Partner.browse(self.client.id).web_read({"phone": {}, "salon_phone_search": {}})[0]
        self.assertEqual((web["phone"], web["salon_phone_search"]), (MASKED_PHONE, MASKED_PHONE))
        visit = self.visit.with_user(self.reception).read(["partner_phone", "partner_email"])[0]
        self.assertEqual((visit["partner_phone"], visit["partner_email"]), (MASKED_PHONE, "i***@***"))
        lead = self.env["crm.lead"].create({"name": "Colouring request", "partner_id": self.client.id})
        values = lead.with_user(self.reception).read(["phone", "email_from"])[0]
        self.assertEqual((values["phone"], values["email_from"]), (MASKED_PHONE, "i***@***"))
        # Not a client: a supplier's phone stays readable; a manager sees everything.
        self.assertEqual(Partner.browse(self.supplier.id).read(["phone"])[0]["phone"], "+7 495 111-22-33")
        self.assertEqual(self.client.with_user(self.manager).read(["phone"])[0]["phone"], PHONE)

    def test_reception_still_finds_and_books_clients_by_phone(self):
        self.hide()
        Partner = self.env["res.partner"].with_user(self.reception)
        self.assertEqual(Partner.search([("salon_phone_search", "ilike", "+7 (916) 123 45 67")]), self.client)
        self.assertEqual(Partner.search([("salon_phone_search", "ilike", "4567")]), self.client)
        found = Partner.name_search("916 123 45 67")
        self.assertEqual([row[0] for row in found], self.client.ids)
        visit = (
            self.env["beauty.visit"]
            .with_user(self.reception)
            .create(
                {
                    "partner_id": self.client.id,
                    "line_ids": [
                        Command.create(
                            {
                                "service_id": self.manicure.id,
                                "master_id": self.master_olga.id,
                                "date_start": moscow("2030-03-05 12:00"),
                            }
                        )
                    ],
                }
            )
        )
        # The booking itself works on the real number (reminders, SMS); only what is read is masked.
        self.assertEqual(visit.sudo().partner_phone, PHONE)

    def test_masters_never_see_client_contacts(self):
        self.hide(False)
        values = self.client.with_user(self.master_user).read(["phone", "email"])[0]
        self.assertEqual((values["phone"], values["email"]), (MASKED_PHONE, "i***@***"))
        self.assertEqual(
            self.master_user.partner_id.with_user(self.master_user).read(["email"])[0]["email"],
            self.master_user.partner_id.email,
        )

    def test_a_masked_value_is_not_written_back(self):
        self.hide()
        client = self.client.with_user(self.reception)
        with self.assertRaisesRegex(UserError, "Client contacts are hidden"):
            client.write({"phone": MASKED_PHONE})
        client.write({"phone": "+7 916 765-00-11", "name": "Client Ivanova-Petrova"})
        self.assertEqual(self.client.phone, "+7 916 765-00-11")

    def test_only_managers_export_clients(self):
        self.assertTrue(self.company.salon_restrict_client_export)
        for user in (self.reception, self.master_user, self.employee):
            with self.assertRaisesRegex(UserError, "Only a salon manager can export clients"):
                self.client.with_user(user).export_data(["name", "phone"])
        # Also through another model: the client's phone exported from her visit.
        with self.assertRaisesRegex(UserError, "Only a salon manager can export clients"):
            self.visit.with_user(self.reception).export_data(["name", "partner_id/phone"])
        rows = self.client.with_user(self.manager).export_data(["name", "phone"])["datas"]
        self.assertEqual(rows, [["Client Ivanova", PHONE]])
        # A supplier is not a client; a branch may let reception export.
        self.assertEqual(
            self.supplier.with_user(self.reception).export_data(["name"])["datas"], [["Dye supplier"]]
        )
        self.company.salon_restrict_client_export = False
        rows = self.client.with_user(self.reception).export_data(["name", "phone"])["datas"]
        self.assertEqual(rows, [["Client Ivanova", PHONE]])
        # ...but never while the branch hides the contacts from it.
        self.hide()
        with self.assertRaisesRegex(UserError, "Only a salon manager can export clients"):
            self.client.with_user(self.reception).export_data(["name"])


@tagged("post_install", "-at_install")
class TestForgetClient(BeautySalonCase):
    """Forgetting a client: personal data erased, visits and money kept, consents kept, logged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.manager = cls.make_user("forget_manager", "beauty_salon_group_manager")
        cls.reception = cls.make_user("forget_reception", "beauty_salon_group_user")
        cls.master_user = cls.make_user("forget_master", "beauty_salon_group_master", cls.master_olga)
        cls.cash = cls.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", cls.company.id)], limit=1
        ) or cls.env["account.journal"].create({"name": "Cash", "code": "CSHF", "type": "cash"})
        cls.client.write(
            {
                "email": "ivanova@example.com",
                "mobile": "+7 903 555-44-33",
                "birthdate_date": "1990-05-17",
                "street": "Tverskaya 1",
                "comment": "<p>Prefers mornings</p>",
                "salon_preferences": "Ash blonde 7.1",
                "salon_allergies": "Ammonia",
                "image_1920": png(),
            }
        )
        cls.consent = cls.env["beauty.consent"].create(
            {"partner_id": cls.client.id, "purpose": "personal_data", "channel": "online"}
        )
        cls.visit = cls.book(
            cls, cls.haircut, cls.master_anna, "2030-03-04 10:00", note="Ivanova: sensitive scalp"
        )
        cls.photo = cls.env["ir.attachment"].create(
            {
                "name": "ivanova_before.jpg",
                "datas": base64.b64encode(b"photo of Ivanova"),
                "res_model": "beauty.visit",
                "res_id": cls.visit.id,
            }
        )
        cls.visit.photo_ids = [Command.link(cls.photo.id)]
        cls.visit.action_arrive()
        cls.env["beauty.visit.checkout"].create(
            {"visit_id": cls.visit.id, "journal_id": cls.cash.id}
        ).action_confirm()
        cls.invoice = cls.visit.sale_order_id.invoice_ids
        note = {"message_type": "comment", "subtype_xmlid": "mail.mt_note"}  # a log note, as in the chatter
        cls.client.message_post(body="Ivanova called about her colour, +7 916 123-45-67", **note)
        cls.visit.message_post(body="Ivanova was happy with the cut", **note)
        cls.mail = cls.env["mail.mail"].create(
            {
                "subject": "Your visit, Ivanova",
                "body_html": "<p>Dear Ivanova</p>",
                "email_to": "ivanova@example.com",
                "recipient_ids": [Command.link(cls.client.id)],
            }
        )
        cls.sms = cls.env["sms.sms"].create(
            {"number": "+79161234567", "body": "Ivanova, see you tomorrow", "partner_id": cls.client.id}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Win-back: Ivanova",
                "partner_id": cls.client.id,
                "phone": PHONE,
                "email_from": "ivanova@example.com",
            }
        )
        cls.env["beauty.booking.attempt"].create({"phone": "+79161234567", "ip_address": "10.1.1.1"})

    def test_forget_erases_personal_data_and_keeps_the_money(self):
        move_lines = self.invoice.line_ids
        balance_before = [(line.account_id, line.debit, line.credit) for line in move_lines]
        self.company.check_account_audit_trail = True  # the audit trail stays; the erasure goes on around it
        self.client.with_user(self.manager).action_salon_forget()
        client = self.client.with_context(active_test=False)
        # The card.
        self.assertEqual(client.name, f"Forgotten client {client.id}")
        for fname in ("phone", "mobile", "email", "street", "comment", "birthdate_date", "image_1920"):
            self.assertFalse(client[fname], fname)
        self.assertFalse(client.salon_preferences or client.salon_allergies)
        self.assertFalse(client.active)
        self.assertTrue(client.salon_forgotten_date)
        # Visits, photos, messages, outgoing mail and SMS, requests, booking attempts.
        self.assertTrue(self.visit.exists())
        self.assertEqual(self.visit.state, "done")
        self.assertFalse(self.visit.note)
        self.assertFalse(self.photo.exists())
        self.assertFalse(self.visit.photo_ids)
        messages = self.env["mail.message"].search(
            [
                "|",
                "&",
                ("model", "=", "res.partner"),
                ("res_id", "=", client.id),
                "&",
                ("model", "=", "beauty.visit"),
                ("res_id", "=", self.visit.id),
            ]
        )
        self.assertTrue(messages)
        for message in messages:
            self.assertNotIn("Ivanova", str(message.body) + (message.record_name or ""))
            self.assertNotIn("916", str(message.body))
            self.assertFalse(
                message.tracking_value_ids.filtered(lambda t: "Ivanova" in (t.old_value_char or ""))
            )
        self.assertFalse(self.mail.exists())
        self.assertFalse(self.sms.exists())
        self.assertFalse(self.env["sms.sms"].search([("number", "=", "+79161234567")]))
        self.assertFalse(self.env["mail.mail"].search([("email_to", "ilike", "ivanova@")]))
        self.assertFalse(self.env["beauty.booking.attempt"].search([("phone", "=", "+79161234567")]))
        self.assertFalse(self.lead.phone or self.lead.email_from)
        self.assertNotIn("Ivanova", self.lead.name)
        self.assertFalse(
            self.env["ir.attachment"].search([("res_model", "=", "res.partner"), ("res_id", "=", client.id)])
        )
        # Money and consents kept, balanced.
        self.assertEqual(self.invoice.state, "posted")
        self.assertIn(self.invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(self.invoice.partner_id, client)
        self.assertNotIn("Ivanova", self.invoice.invoice_partner_display_name)
        self.assertEqual([(line.account_id, line.debit, line.credit) for line in move_lines], balance_before)
        self.assertAlmostEqual(sum(move_lines.mapped("debit")), sum(move_lines.mapped("credit")))
        self.assertEqual(self.visit.sale_order_id.amount_total, self.invoice.amount_total)
        self.assertTrue(self.consent.exists())
        self.assertEqual(self.consent.partner_id, client)
        # Logged without personal data: who and when.
        log = client.message_ids[:1]
        self.assertIn("Personal data erased by", str(log.body))
        self.assertIn(self.manager.name, str(log.body))
        self.assertEqual(log.author_id, self.manager.partner_id)
        self.assertNotIn("Ivanova", str(log.body))

    def test_forget_is_for_managers_and_once(self):
        for user in (self.reception, self.master_user):
            with self.assertRaises(AccessError):
                self.client.with_user(user).action_salon_forget()
        self.assertEqual(self.client.name, "Client Ivanova")
        self.client.with_user(self.manager).action_salon_forget()
        forgotten_on = self.client.salon_forgotten_date
        log_count = len(self.client.message_ids)
        self.client.with_user(self.manager).action_salon_forget()
        self.assertEqual(self.client.salon_forgotten_date, forgotten_on)
        self.assertEqual(len(self.client.message_ids), log_count)

    def test_consents_are_evidence_withdrawn_not_edited(self):
        consent = self.consent.with_user(self.reception)
        for user in (self.reception, self.manager):
            with self.assertRaises(AccessError):
                self.consent.with_user(user).write({"text_version": "v0"})
            with self.assertRaises(AccessError):
                self.consent.with_user(user).unlink()
        with self.assertRaises(AccessError):
            self.consent.with_user(self.master_user).action_revoke()
        consent.action_revoke()
        self.assertTrue(self.consent.revoked_date)
        self.assertEqual(self.consent.write_uid, self.reception)
        self.assertFalse(self.client.salon_personal_data_consent)

    def test_the_button_is_on_the_managers_client_card(self):
        for user, shown in ((self.manager, True), (self.reception, False), (self.master_user, False)):
            views = self.env["res.partner"].with_user(user).get_views([(False, "form")])
            self.assertEqual(
                'name="action_salon_forget"' in views["views"]["form"]["arch"], shown, user.login
            )

    def test_users_and_non_clients_cannot_be_forgotten(self):
        with self.assertRaisesRegex(UserError, "cannot be forgotten"):
            self.manager.partner_id.with_user(self.manager).action_salon_forget()

    def test_retention_forgets_clients_without_visits_for_years(self):
        branch_b = self.env["res.company"].create({"name": "Branch without retention"})
        master_b = self.env["hr.employee"].create(
            {
                "name": "Branch B master",
                "is_salon_master": True,
                "company_id": branch_b.id,
                "resource_calendar_id": self.calendar.id,
            }
        )
        self.manicure.salon_master_ids = [Command.link(master_b.id)]
        loyal, lapsed, elsewhere = self.env["res.partner"].create(
            [{"name": name, "is_salon_client": True} for name in ("Loyal", "Lapsed", "Other branch")]
        )
        for partner, day, company in (
            (lapsed, "2025-03-04", self.company),
            (loyal, "2025-03-05", self.company),
            (loyal, "2029-03-04", self.company),
            (elsewhere, "2025-03-04", branch_b),
        ):
            self.Visit.create(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "line_ids": [
                        Command.create(
                            {
                                "service_id": self.manicure.id,
                                "master_id": (master_b if company == branch_b else self.master_anna).id,
                                "date_start": moscow(f"{day} 10:00"),
                            }
                        )
                    ],
                }
            )
        Partner = self.env["res.partner"]
        with freeze_time("2030-06-01"):
            Partner._cron_salon_forget_inactive()
            self.assertFalse(lapsed.salon_forgotten_date, "retention is off by default")
            self.company.salon_retention_years = 3
            Partner._cron_salon_forget_inactive()
        self.assertTrue(lapsed.salon_forgotten_date)
        self.assertNotEqual(lapsed.name, "Lapsed")
        self.assertIn("no visit to", str(lapsed.with_context(active_test=False).message_ids[:1].body))
        self.assertFalse(loyal.salon_forgotten_date)
        self.assertFalse(elsewhere.salon_forgotten_date)
        self.assertEqual(len(self.Visit.search([("partner_id", "=", lapsed.id)])), 1)

    def test_the_retention_setting_is_on_the_branch(self):
        settings = self.env["res.config.settings"].create(
            {"salon_retention_years": 5, "salon_hide_client_contacts": True}
        )
        settings.execute()
        self.assertEqual(self.company.salon_retention_years, 5)
        self.assertTrue(self.company.salon_hide_client_contacts)

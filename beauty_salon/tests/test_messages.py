# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import tagged

from .common import BeautySalonCase, moscow


@tagged("post_install", "-at_install")
class TestMessages(BeautySalonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["beauty.message.rule"]
        cls.Log = cls.env["beauty.message.log"]
        for partner, email in ((cls.client, "ivanova@example.com"), (cls.client_2, "petrova@example.com")):
            # Messages are rendered in the client's language: English here, as the subjects checked below.
            partner.write({"email": email, "lang": "en_US"})
            cls.env["beauty.consent"].create(
                {"partner_id": partner.id, "purpose": "personal_data", "channel": "paper"}
            )

    def logs(self, purpose, partner=None):
        return self.Log.search([("purpose", "=", purpose), ("partner_id", "=", (partner or self.client).id)])

    def mails_to(self, partner, subject_part):
        return self.env["mail.mail"].search(
            [("recipient_ids", "in", partner.ids), ("subject", "ilike", subject_part)]
        )

    def texts_to(self, partner, body_part):
        return self.env["sms.sms"].search([("partner_id", "=", partner.id), ("body", "ilike", body_part)])

    @freeze_time("2030-03-01 09:00:00")
    def test_confirmation_once_at_booking_and_visible_in_the_chatter(self):
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        log = self.logs("confirmation")
        self.assertEqual(len(log), 1)
        self.assertIn("email", log.channels)
        self.assertIn("sms", log.channels)
        self.assertEqual(len(self.mails_to(self.client, "is booked")), 1)
        self.assertTrue(visit.message_ids.filtered(lambda m: "is booked" in (m.subject or "")))
        self.assertTrue(self.env["sms.sms"].search([("partner_id", "=", self.client.id)]))
        # The catch-up run finds it already sent.
        self.Rule._cron_send_due()
        self.assertEqual(len(self.logs("confirmation")), 1)
        self.assertEqual(len(self.mails_to(self.client, "is booked")), 1)

    def test_reminders_at_their_time_and_once(self):
        with freeze_time("2030-03-01 09:00:00"):
            visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")  # 07:00 UTC
        with freeze_time("2030-03-02 12:00:00"):
            self.Rule._cron_send_due()
            self.assertFalse(self.logs("reminder_1"), "not yet 24 h before")
        with freeze_time("2030-03-03 08:00:00"):
            self.Rule._cron_send_due()
            self.Rule._cron_send_due()
            self.assertEqual(len(self.logs("reminder_1")), 1)
            self.assertFalse(self.logs("reminder_2"))
        with freeze_time("2030-03-04 05:30:00"):
            self.Rule._cron_send_due()
            self.Rule._cron_send_due()
        self.assertEqual(len(self.logs("reminder_1")), 1)
        self.assertEqual(len(self.logs("reminder_2")), 1)
        self.assertEqual(len(self.texts_to(self.client, "reminder")), 1)
        self.assertEqual(self.logs("reminder_1").visit_id, visit)

    def test_one_run_sends_each_visit_of_a_client_and_logs_it_in_its_chatter(self):
        """Messages go out in batches; a client with two visits due gets both, each on its own visit."""
        with freeze_time("2030-03-01 09:00:00"):
            morning = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
            evening = self.book(self.manicure, self.master_anna, "2030-03-04 18:00")
            other = self.book(self.manicure, self.master_olga, "2030-03-04 12:00", partner=self.client_2)
        self.Rule._rule_for("reminder_1", self.company).channel_mode = "both"
        before = self.env["mail.message"].search([], order="id desc", limit=1).id
        with freeze_time("2030-03-03 16:00:00"):
            self.Rule._cron_send_due()
        self.assertEqual(self.logs("reminder_1").visit_id, morning | evening)
        self.assertEqual(self.logs("reminder_1", self.client_2).visit_id, other)
        self.assertEqual(set(self.logs("reminder_1").mapped("channels")), {"email,sms"})
        self.assertEqual(len(self.mails_to(self.client, "Reminder")), 2)
        texts = self.texts_to(self.client, "reminder")
        self.assertEqual(texts.mapped("state"), ["outgoing"] * 2, "the second is not dropped as a duplicate")
        for visit in morning | evening | other:
            kinds = visit.message_ids.filtered(lambda m: m.id > before).mapped("message_type")
            self.assertEqual(sorted(kinds), ["email_outgoing", "sms"], visit.display_name)

    def test_a_cascade_sends_one_message_through_the_first_channel_that_reaches_the_client(self):
        """Reminders go by SMS by default, by e-mail to a client who cannot get an SMS."""
        self.client_2.phone = False
        with freeze_time("2030-03-01 09:00:00"):
            by_sms = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
            by_email = self.book(self.manicure, self.master_olga, "2030-03-04 10:00", partner=self.client_2)
        with freeze_time("2030-03-03 08:00:00"):
            self.Rule._cron_send_due()
        self.assertEqual(self.logs("reminder_1").channels, "sms")
        self.assertEqual(len(self.texts_to(self.client, "reminder")), 1)
        self.assertFalse(self.mails_to(self.client, "Reminder"))
        self.assertEqual(self.logs("reminder_1", self.client_2).channels, "email")
        self.assertEqual(len(self.mails_to(self.client_2, "Reminder")), 1)
        self.Rule._rule_for("reminder_2", self.company).channel_mode = "email_first"
        with freeze_time("2030-03-04 05:30:00"):
            self.Rule._cron_send_due()
        self.assertEqual(self.logs("reminder_2").channels, "email")
        self.assertEqual(self.logs("reminder_2", self.client_2).channels, "email")
        self.assertEqual((by_sms | by_email).mapped("state"), ["draft", "draft"])

    def test_no_reminder_for_a_late_booking(self):
        """Booked two hours ahead: the 24-hour reminder makes no sense any more (real clock: create dates)."""
        self.calendar.attendance_ids.write({"hour_from": 0, "hour_to": 24})
        now = fields.Datetime.now()
        start = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=3)
        self.Visit.create(
            {
                "partner_id": self.client.id,
                "line_ids": [
                    Command.create(
                        {
                            "service_id": self.manicure.id,
                            "master_id": self.master_anna.id,
                            "date_start": start,
                        }
                    )
                ],
            }
        )
        self.Rule._cron_send_due()
        self.assertFalse(self.logs("reminder_1"))

    def test_crash_before_commit_sends_nothing_then_the_rerun_sends_once(self):
        """Queueing a message and marking it are one transaction: a crash loses both; a rerun sends once."""
        day = (fields.Datetime.now() + timedelta(days=3)).date().isoformat()
        option = self.Availability.find_slots(self.manicure, *self._window(day), limit=1)[0]
        self.Visit.with_context(salon_no_messages=True).create(
            self.Visit._prepare_from_option(self.client, option)
        )
        with self.assertRaises(RuntimeError), self.env.cr.savepoint():
            self.Rule._cron_send_due()
            self.assertEqual(len(self.logs("confirmation")), 1)
            raise RuntimeError("the worker dies before its transaction commits")
        self.assertFalse(self.logs("confirmation"))
        self.assertFalse(self.mails_to(self.client, "is booked"))
        self.Rule._cron_send_due()
        self.Rule._cron_send_due()
        self.assertEqual(len(self.logs("confirmation")), 1)
        self.assertEqual(len(self.mails_to(self.client, "is booked")), 1)

    def test_a_broken_message_is_retried_without_blocking_the_others(self):
        rule = self.Rule._rule_for("confirmation", self.company)
        # A template that fails to render for a visit without a note (a division by zero).
        rule.mail_template_id.body_html = "<p>Ratio: <t t-out='10 / len(object.note or \"\")'/></p>"
        day = (fields.Datetime.now() + timedelta(days=3)).date().isoformat()
        broken = self.book(self.manicure, self.master_anna, f"{day} 10:00")
        fine = self.book(self.manicure, self.master_olga, f"{day} 10:00", partner=self.client_2, note="ok")
        self.assertFalse(self.logs("confirmation"), "not marked: retried later")
        self.assertEqual(self.logs("confirmation", self.client_2).visit_id, fine)
        broken.note = "now fine"
        self.Rule._cron_send_due()
        self.assertEqual(self.logs("confirmation").visit_id, broken)
        self.assertEqual(len(self.logs("confirmation", self.client_2)), 1)

    @freeze_time("2030-03-01 09:00:00")
    def test_consent_and_blacklist_are_respected(self):
        self.client.salon_consent_ids.action_revoke()
        self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        self.assertEqual(self.logs("confirmation").channels, "none")
        self.assertFalse(self.mails_to(self.client, "is booked"))
        self.env["mail.blacklist"]._add("petrova@example.com")
        self.book(self.manicure, self.master_olga, "2030-03-04 10:00", partner=self.client_2)
        self.assertEqual(self.logs("confirmation", self.client_2).channels, "sms")
        self.assertFalse(self.mails_to(self.client_2, "is booked"))

    def test_thank_you_and_no_show_follow_up(self):
        with freeze_time("2030-03-01 09:00:00"):
            done = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
            missed = self.book(self.manicure, self.master_olga, "2030-03-04 10:00", partner=self.client_2)
        with freeze_time("2030-03-04 09:00:00"):
            done.action_arrive()
            done.action_done()
            missed.action_no_show()
            self.Rule._cron_send_due()
            self.assertFalse(self.logs("thank_you"), "two hours after the visit")
        with freeze_time("2030-03-04 10:30:00"):
            self.Rule._cron_send_due()
            self.Rule._cron_send_due()
        self.assertEqual(len(self.logs("thank_you")), 1)
        self.assertEqual(len(self.logs("no_show", self.client_2)), 1)

    def test_birthday_once_a_year_in_daytime_with_marketing_consent(self):
        self.client.write(
            {"birthdate_date": date(1990, 3, 5), "is_salon_client": True, "tz": "Europe/Moscow"}
        )
        self.company.partner_id.tz = "Europe/Moscow"
        with freeze_time("2030-03-04 23:30:00"):  # 02:30 in Moscow on the 5th: night, nothing
            self.Rule._cron_send_due()
        self.assertFalse(self.logs("birthday"))
        with freeze_time("2030-03-05 08:00:00"):
            self.Rule._cron_send_due()
        self.assertEqual(self.logs("birthday").channels, "none", "no marketing consent")
        self.env["beauty.consent"].create(
            {"partner_id": self.client.id, "purpose": "marketing", "channel": "email"}
        )
        with freeze_time("2030-03-05 10:00:00"):
            self.Rule._cron_send_due()
        self.assertEqual(len(self.logs("birthday")), 1, "once a year, even after consent arrives")
        with freeze_time("2031-03-05 08:00:00"):
            self.Rule._cron_send_due()
        self.assertEqual(len(self.logs("birthday")), 2)
        self.assertEqual(self.logs("birthday")[0].channels, "email")

    def _window(self, day):
        return moscow(f"{day} 09:00"), moscow(f"{day} 20:00")

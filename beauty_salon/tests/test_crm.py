# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import BeautySalonCase, moscow


@tagged("post_install", "-at_install")
class TestSalonFunnel(BeautySalonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env.ref("beauty_salon.crm_team_salon_clients")
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Phone request",
                "type": "opportunity",
                "contact_name": "Vera New",
                "phone": "+7 916 321-00-11",
                "team_id": cls.team.id,
                "stage_id": cls.env.ref("beauty_salon.crm_stage_salon_new").id,
                "salon_service_ids": [Command.link(cls.manicure.id)],
            }
        )
        cls.cash = cls.env["account.journal"].search([("type", "=", "cash")], limit=1)

    def test_request_booked_then_won_when_the_first_visit_is_paid(self):
        action = self.lead.action_salon_book()
        client = self.lead.partner_id
        self.assertTrue(client.is_salon_client)
        self.assertEqual(action["context"]["default_lead_id"], self.lead.id)
        picker = (
            self.env["beauty.slot.picker"]
            .with_context(**action["context"])
            .create({"date_from": moscow("2030-03-04 10:00"), "days": 1})
        )
        picker.action_search()
        self.env["beauty.slot.picker.option"].browse(picker.option_ids[0].id).action_book()
        visit = self.lead.salon_visit_ids
        self.assertEqual(visit.partner_id, client)
        self.assertEqual(self.lead.stage_id, self.env.ref("beauty_salon.crm_stage_salon_booked"))
        visit.action_arrive()
        self.env["beauty.visit.checkout"].create(
            {"visit_id": visit.id, "journal_id": self.cash.id}
        ).action_confirm()
        self.assertEqual(self.lead.stage_id, self.env.ref("beauty_salon.crm_stage_salon_paid"))
        self.assertTrue(self.lead.stage_id.is_won)
        self.assertEqual(self.lead.probability, 100)

    @freeze_time("2030-09-01 10:00:00")
    def test_bulk_win_back_once_per_client(self):
        self.client.write({"is_salon_client": True})
        visit = self.book(self.manicure, self.master_anna, "2030-03-04 10:00")
        visit.action_arrive()
        visit.action_done()
        overdue = self.env["res.partner"].search(
            [("salon_is_overdue", "=", True), ("id", "=", self.client.id)]
        )
        self.assertEqual(overdue, self.client)
        overdue.action_salon_create_winback()
        overdue.action_salon_create_winback()
        leads = self.env["crm.lead"].search([("partner_id", "=", self.client.id)])
        self.assertEqual(len(leads), 1)
        self.assertEqual(leads.tag_ids, self.env.ref("beauty_salon.crm_tag_salon_winback"))
        self.assertEqual(leads.activity_ids.activity_type_id, self.env.ref("mail.mail_activity_data_call"))

# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A salon day end to end, with all four addons: booked online, reminded, served, written off, checked
out with loyalty, paid; then every figure (client, payroll, points, stock, accounting) against numbers
worked out by hand. Then a no-show and a late cancellation, which must move no stock and pay no master.

Time stands still on Monday 2030-03-04 11:00 Moscow time (LoyaltyCase); the day is Wednesday 2030-03-06.
"""

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.beauty_salon.tests.common import PublicPagesMixin, moscow
from odoo.addons.beauty_salon_loyalty.tests.common import LoyaltyCase
from odoo.addons.beauty_salon_payroll.tests.common import PayrollCase
from odoo.addons.beauty_salon_stock.tests.common import SalonStockCase


@tagged("post_install", "-at_install")
class TestSalonDay(HttpCase, PublicPagesMixin, LoyaltyCase, PayrollCase, SalonStockCase):
    """The test salons of the three satellites together (one salon: they all build on the core's).

    Prices (no taxes): laser hair removal 3,000 (Irina, needs the laser), manicure 2,000 (any master),
    haircut 2,500. Cost cards: laser 4 g of gel at 50 = 200; manicure 2 pairs of gloves at 20 = 40.
    Pay: Irina 40 % of what was paid less materials; Olga 50 %; Anna 45 % (points deducted, packs not).
    Loyalty: cumulative card 5 % from 20,000 paid; points 5 % of money paid, at most 30 % of a check.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "country_id": cls.env.ref("base.ru").id,
                "salon_online_confirm": "auto",
                "salon_late_cancel_hours": 24,
                "salon_client_cancel_hours": 12,
            }
        )
        cls.company.partner_id.tz = "Europe/Moscow"
        cls.client.email = "ivanova@example.com"
        cls.client_2.email = "petrova@example.com"
        cls.irina_scheme = cls.scheme(cls.master_irina, service_rate=40.0, deduct_materials=True)
        cls.olga_scheme = cls.scheme(cls.master_olga, service_rate=50.0)
        cls.anna_scheme = cls.scheme(cls.master_anna, service_rate=45.0)
        cls.pack_product = cls.env["product.product"].create(
            {
                "name": "10 manicures",
                "type": "service",
                "list_price": 20000.0,
                "taxes_id": False,
                "salon_pack_ok": True,
                "salon_pack_session_count": 10,
                "salon_pack_service_ids": [Command.set(cls.manicure.ids)],
                "salon_pack_validity_days": 180,
            }
        )
        cls.discount_card = cls.Card.create({"program_id": cls.card_program.id, "partner_id": cls.client.id})
        cls.points = cls.points_card(points=1000.0)

    # ------------------------------------------------------------------ helpers
    def visit_mails(self, visit):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "beauty.visit"),
                ("res_id", "=", visit.id),
                ("recipient_ids", "in", visit.partner_id.ids),
            ]
        )

    def visit_sms(self, visit):
        return self.env["sms.sms"].search([("partner_id", "=", visit.partner_id.id)])

    def message_logs(self, visit, purpose):
        return self.env["beauty.message.log"].search([("visit_id", "=", visit.id), ("purpose", "=", purpose)])

    def run_message_cron(self):
        self.env.ref("beauty_salon.ir_cron_salon_messages").method_direct_trigger()

    def balances(self, moves):
        """``{account code: balance}`` of these journal entries."""
        result = {}
        for line in moves.line_ids:
            result[line.account_id.code] = round(result.get(line.account_id.code, 0.0) + line.balance, 2)
        return {code: balance for code, balance in result.items() if balance}

    def online_visit(self, partner, response):
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertIn("o_salon_booked", response.text)
        return self.Visit.search([("partner_id", "=", partner.id), ("source", "=", "online")])

    # ------------------------------------------------------------------ the day
    def test_a_visit_from_online_booking_to_the_books(self):
        # Her history: she bought a pack of 10 manicures (20,000, paid): her card reaches 5 %.
        self.sell(self.client, self.pack_product)
        pack = self.env["beauty.visit.pack"].search([("partner_id", "=", self.client.id)])
        self.assertEqual((pack.remaining_count, pack.session_value), (10.0, 2000.0))
        self.assertEqual(self.discount_card.salon_discount, 5.0)
        points_before = self.points.points

        # Monday: she books laser hair removal with Irina for Wednesday 10:00 on the public page.
        start = moscow("2030-03-06 10:00")
        response = self.book_online(
            self.company,
            self.laser_hair,
            start,
            self.master_irina,
            name="Client Ivanova",
            phone="8 (916) 123-45-67",
            email="ivanova@example.com",
        )
        visit = self.online_visit(self.client, response)
        self.assertEqual(len(visit), 1, "found by her phone: no second client card")
        self.assertEqual((visit.state, visit.date_start), ("confirmed", start))
        self.assertEqual(visit.line_ids.resource_ids, self.laser, "the device is booked with the master")

        # The confirmation goes at once (e-mail and SMS), the reminder a day before (by SMS, the default
        # cascade): each once, however often the cron runs.
        self.run_message_cron()
        self.assertEqual(len(self.message_logs(visit, "confirmation")), 1)
        self.assertEqual(len(self.visit_mails(visit)), 1)
        self.assertEqual(len(self.visit_sms(visit)), 1)
        with freeze_time("2030-03-05 08:00:00"):
            self.run_message_cron()
            self.run_message_cron()
        self.assertEqual(self.message_logs(visit, "reminder_1").channels, "sms")
        self.assertEqual(len(self.visit_mails(visit)), 1)
        self.assertEqual(len(self.visit_sms(visit)), 2)

        with freeze_time("2030-03-06 06:55:00"):
            # She arrives and takes a manicure with Olga at the same time: one visit, two masters.
            self.add_line(visit, self.manicure, self.master_olga, start)
            visit.action_arrive()
            visit.action_start()
        with freeze_time("2030-03-06 08:10:00"):
            wizard = self.env["beauty.visit.checkout"].create(
                {"visit_id": visit.id, "journal_id": self.cash.id, "salon_points_to_use": 300.0}
            )
            # 30 % of the services' 5,000 = 1,500 usable; she has 1,000 + what the pack earned.
            self.assertEqual(wizard.salon_card_id, self.discount_card)
            self.assertEqual(wizard.salon_points_max, min(points_before, 1500.0))
            wizard.action_confirm()

        # The order: laser 3,000 - 5 % card = 2,850; the manicure paid by the pack; 300 in points.
        order = visit.sale_order_id
        laser = order.order_line.filtered(lambda line: line.product_id == self.laser_hair)
        manicure = order.order_line.filtered(lambda line: line.product_id == self.manicure)
        self.assertEqual((laser.price_subtotal, laser.salon_card_id), (2850.0, self.discount_card))
        self.assertEqual((manicure.price_subtotal, manicure.salon_pack_id), (0.0, pack))
        self.assertEqual(order.amount_total, 2550.0)
        invoice = order.invoice_ids
        self.assertEqual((invoice.state, invoice.payment_state), ("posted", "paid"))
        self.assertEqual(visit.state, "done")
        self.assertEqual(pack.remaining_count, 9.0)

        # Points: 300 spent, 5 % of the 2,550 paid in money earned = 127.50.
        self.assertAlmostEqual(self.points.points, points_before - 300.0 + 127.5, places=2)
        visit_ledger = self.History.search([("card_id", "=", self.points.id), ("order_id", "=", order.id)])
        self.assertEqual(
            (sum(visit_ledger.mapped("used")), sum(visit_ledger.mapped("issued"))), (300.0, 127.5)
        )
        self.assertBalanceIsLedger(self.points)

        # The client: one visit done; spent 20,000 (pack) + 2,550 (visit) on paid invoices.
        client = self.client
        self.assertEqual(
            (client.salon_visit_count, client.salon_no_show_count, client.salon_late_cancel_count),
            (1, 0, 0),
        )
        self.assertEqual((client.salon_total_spent, client.salon_average_check), (22550.0, 22550.0))
        self.assertEqual(client.salon_last_visit, start)
        self.assertEqual(self.discount_card.salon_total_spent, 22550.0)
        self.assertEqual(self.discount_card.salon_discount, 5.0, "the 7 % tier starts at 50,000")

        # Stock: one transfer, 4 g of gel and 2 pairs of gloves to consumption, 240 at average cost.
        picking = visit.salon_picking_ids
        self.assertEqual((len(picking), picking.state), (1, "done"))
        moved = {(m.product_id, m.quantity) for m in picking.move_ids}
        self.assertEqual(moved, {(self.gel, 4.0), (self.gloves, 2.0)})
        self.assertAlmostEqual(self.on_hand(self.gel), 36.0)
        self.assertAlmostEqual(self.on_hand(self.gloves), 98.0)
        self.assertAlmostEqual(visit.salon_material_cost, 240.0)

        # Payroll for March. Irina: (2,850 - 300 points - 200 gel) x 40 % = 940.
        # Olga: the pack session counts at its price, 20,000 / 10 = 2,000, x 50 % = 1,000.
        irina, olga, anna = (
            self.make_sheet(m) for m in (self.master_irina, self.master_olga, self.master_anna)
        )
        self.assertEqual(
            [(line.kind, line.base, line.amount) for line in irina.line_ids], [("service", 2350.0, 940.0)]
        )
        self.assertEqual(
            [(line.kind, line.base, line.amount) for line in olga.line_ids], [("service", 2000.0, 1000.0)]
        )
        self.assertFalse(anna.line_ids, "Anna served nobody")
        (irina | olga).action_confirm()

        # The books. The invoice: laser 2,850 and the pack session 0 to sales, the 300 points back out of
        # them, 2,550 receivable; the cash payment settles it (receivable back to 0, 2,550 to be received).
        income = self.laser_hair.product_tmpl_id._get_product_accounts()["income"]
        receivable = client.property_account_receivable_id
        payment = invoice._get_reconciled_payments()
        self.assertEqual((payment.journal_id, payment.amount), (self.cash, 2550.0))
        self.assertEqual(
            sorted((line.account_id, line.balance) for line in invoice.line_ids),
            sorted([(income, -2850.0), (income, 0.0), (income, 300.0), (receivable, 2550.0)]),
        )
        self.assertEqual(
            self.balances(invoice | payment.move_id),
            {income.code: -2550.0, payment.outstanding_account_id.code: 2550.0},
        )
        # Stock at average cost, real time: 240 from the valuation account to the consumption expense.
        valuation = self.category.property_stock_valuation_account_id
        expense = self.consumption_location.valuation_in_account_id
        stock_entries = picking.move_ids.stock_valuation_layer_ids.account_move_id
        self.assertEqual(self.balances(stock_entries), {expense.code: 240.0, valuation.code: -240.0})
        self.assertEqual(
            self.balances(irina.move_id | olga.move_id),
            {self.account_commission.code: 1940.0, self.account_payable.code: -1940.0},
        )

    def test_a_no_show_and_a_late_cancellation(self):
        # Petrova books a haircut with Anna on Wednesday 12:00, and does not come.
        no_show = self.online_visit(
            self.client_2,
            self.book_online(
                self.company,
                self.haircut,
                moscow("2030-03-06 12:00"),
                self.master_anna,
                name="Client Petrova",
                phone="+7 926 765-43-21",
            ),
        )
        with freeze_time("2030-03-06 10:00:00"):
            no_show.action_no_show()
        # Ivanova books a manicure with Olga on Thursday 10:00 and cancels through her link the evening
        # before: 14 hours ahead, still allowed online (12 h) but late (24 h).
        late = self.online_visit(
            self.client,
            self.book_online(
                self.company,
                self.manicure,
                moscow("2030-03-07 10:00"),
                self.master_olga,
                name="Client Ivanova",
                phone="+79161234567",
            ),
        )
        late._portal_ensure_token()
        url = f"/salon/visit/{late.id}?access_token={late.access_token}"
        with freeze_time("2030-03-06 17:00:00"):
            response = self.url_open(
                f"/salon/visit/{late.id}/cancel",
                data={"csrf_token": self.csrf(url), "access_token": late.access_token},
            )
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertEqual((late.state, late.late_cancel), ("cancelled", True))

        self.assertEqual(
            (
                self.client_2.salon_visit_count,
                self.client_2.salon_no_show_count,
                self.client_2.salon_total_spent,
            ),
            (0, 1, 0.0),
        )
        self.assertEqual(
            (
                self.client.salon_visit_count,
                self.client.salon_late_cancel_count,
                self.client.salon_no_show_count,
            ),
            (0, 1, 0),
        )
        # Nothing moves: no transfer, no order, no master is paid, no points are given.
        visits = no_show | late
        self.assertFalse(visits.salon_picking_ids)
        self.assertFalse(visits.sale_order_id)
        self.assertFalse(self.env["stock.move"].search([("picking_id.salon_visit_id", "in", visits.ids)]))
        for master in (self.master_anna, self.master_olga):
            self.assertFalse(self.make_sheet(master).line_ids)
        self.assertEqual(self.points.points, 1000.0)
        self.assertBalanceIsLedger(self.points)
        # The freed times are bookable again.
        self.assertTrue(
            self.Availability.find_slots(
                self.manicure, late.date_start, late.date_stop, masters=self.master_olga, limit=1
            )
        )

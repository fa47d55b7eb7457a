# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LoyaltyCase


@tagged("post_install", "-at_install")
class TestPoints(LoyaltyCase):
    def batches(self, card):
        """Accruals of the card, oldest first, as ``(issued, left, expires on)``."""
        lines = self.History.sudo().search(
            [("card_id", "=", card.id), ("issued", ">", 0)], order="salon_date, id"
        )
        return [(line.issued, line.salon_remaining_points, line.salon_expiration_date) for line in lines]

    def test_checkout_earns_five_percent_of_the_paid_amount_with_its_own_expiry(self):
        visit = self.served(self.haircut, self.master_anna, "2030-03-04 12:00")
        order = self.checkout(visit)
        card = self.Card.search(
            [("partner_id", "=", self.client.id), ("program_id", "=", self.points_program.id)]
        )
        self.assertEqual(card.points, 125.0)
        self.assertEqual(self.batches(card), [(125.0, 125.0, date(2030, 8, 31))])
        line = self.History.sudo().search([("card_id", "=", card.id)])
        self.assertEqual(
            (line.salon_kind, line.order_id, line.order_model), ("order", order.id, "sale.order")
        )
        self.assertBalanceIsLedger(card)

    def test_redemption_spends_the_oldest_accruals_first(self):
        card = self.points_card()
        self.grant(card, 100.0, day=date(2030, 1, 10))
        self.grant(card, 200.0, day=date(2030, 2, 10))
        self.grant(card, 300.0, day=date(2030, 3, 1))
        visit = self.served(self.colour, self.master_anna, "2030-03-04 14:00")  # 6,500: 30 % is 1,950
        order = self.checkout(visit, points=250.0)
        points_line = order.order_line.filtered("reward_id")
        self.assertEqual((points_line.price_subtotal, points_line.points_cost), (-250.0, 250.0))
        # 100 from January, 150 of February's 200; March untouched; the visit's own accrual comes last.
        earned = (6500.0 - 250.0) * 0.05
        self.assertEqual(
            [(issued, left) for issued, left, _day in self.batches(card)],
            [(100.0, 0.0), (200.0, 50.0), (300.0, 300.0), (earned, earned)],
        )
        second = self.checkout(self.served(self.manicure, self.master_olga, "2030-03-04 15:00"), points=100.0)
        self.assertEqual(second.order_line.filtered("reward_id").price_subtotal, -100.0)
        self.assertEqual(
            [left for _issued, left, _day in self.batches(card)][:3],
            [0.0, 0.0, 250.0],
        )
        self.assertBalanceIsLedger(card)

    def test_points_pay_at_most_the_programs_share_and_earn_only_on_money(self):
        card = self.points_card(points=5000.0)
        visit = self.book(self.colour, self.master_anna, "2030-03-04 14:00")
        self.add_line(visit, self.massage, self.master_olga, visit.date_stop)
        visit.action_arrive()
        order = self.checkout(visit, points=5000.0)  # a 10,000 check: points may pay 3,000
        points_line = order.order_line.filtered("reward_id")
        self.assertEqual(points_line.price_subtotal, -3000.0)
        self.assertEqual(points_line.points_cost, 3000.0)
        self.assertEqual(order.amount_total, 7000.0)
        # 5 % of the 7,000 paid with money, not of the 10,000 check.
        self.assertEqual(card.points, 5000.0 - 3000.0 + 350.0)
        self.assertBalanceIsLedger(card)

    def test_points_chosen_below_the_cap_are_all_that_is_spent(self):
        card = self.points_card(points=1000.0)
        order = self.checkout(self.served(self.colour, self.master_anna, "2030-03-04 14:00"), points=400.0)
        self.assertEqual(order.order_line.filtered("reward_id").price_subtotal, -400.0)
        self.assertEqual(card.points, 1000.0 - 400.0 + 6100.0 * 0.05)

    def test_spending_more_points_than_held_is_refused(self):
        self.points_card(points=100.0)
        visit = self.served(self.haircut, self.master_anna, "2030-03-04 12:00")
        with self.assertRaisesRegex(UserError, "has only 100 points"):
            self.checkout(visit, points=150.0)

    def test_points_earned_on_an_order_are_not_spent_on_it(self):
        card = self.points_card(points=10.0)
        order = self.checkout(
            self.served(self.colour, self.master_anna, "2030-03-04 14:00"), points=200.0 - 190.0
        )
        self.assertEqual(order.order_line.filtered("reward_id").points_cost, 10.0)
        self.assertEqual(card.points, 6490.0 * 0.05)

    def test_expiry_runs_once_per_accrual_and_twice_changes_nothing(self):
        card = self.points_card()
        other = self.points_card(partner=self.client_2)
        self.grant(card, 100.0, day=date(2029, 8, 1))  # last day 2030-01-28
        self.grant(card, 40.0, day=date(2029, 9, 5))  # last day 2030-03-04: still valid today
        self.grant(card, 60.0, day=date(2030, 2, 1))
        self.grant(other, 70.0, day=date(2029, 6, 1))
        self.Card._salon_cron_expire()
        expiries = self.History.sudo().search([("salon_kind", "=", "expiry")])
        self.assertEqual(sorted(expiries.mapped("used")), [70.0, 100.0])
        self.assertEqual(card.points, 100.0)
        self.assertEqual(other.points, 0.0)
        self.assertEqual([left for _i, left, _d in self.batches(card)], [0.0, 40.0, 60.0])
        self.Card._salon_cron_expire()
        self.assertEqual(self.History.sudo().search_count([("salon_kind", "=", "expiry")]), 2)
        self.assertEqual(card.points, 100.0)
        with freeze_time("2030-03-05 08:00:00"):
            self.Card._salon_cron_expire()
            self.Card._salon_cron_expire()
        self.assertEqual(self.History.sudo().search_count([("salon_kind", "=", "expiry")]), 3)
        self.assertEqual(card.points, 60.0)
        self.assertBalanceIsLedger(card)
        self.assertBalanceIsLedger(other)

    def test_balance_is_the_ledger_after_earn_redeem_expire_and_refund(self):
        card = self.points_card()
        self.grant(card, 300.0, day=date(2029, 8, 1))  # expires 2030-01-28 ... already past
        self.grant(card, 500.0, day=date(2030, 2, 1))
        self.assertBalanceIsLedger(card)
        self.Card._salon_cron_expire()
        self.assertEqual(card.points, 500.0)
        self.assertBalanceIsLedger(card)
        order = self.checkout(self.served(self.colour, self.master_anna, "2030-03-04 14:00"), points=400.0)
        self.assertEqual(card.points, 100.0 + 6100.0 * 0.05)
        self.assertBalanceIsLedger(card)
        refund = self.refund(order.invoice_ids)
        self.assertEqual(refund.state, "posted")
        # The refund takes back the 305 earned and returns the 400 spent, with their old expiry date.
        self.assertEqual(card.points, 500.0)
        returned = self.History.sudo().search([("card_id", "=", card.id), ("salon_kind", "=", "refund")])
        self.assertEqual((returned.issued, returned.used), (400.0, 305.0))
        self.assertEqual(returned.salon_expiration_date, date(2030, 7, 31))
        self.assertBalanceIsLedger(card)
        self.assertEqual(sum(left for _i, left, _d in self.batches(card)), card.points)
        with freeze_time("2030-08-01 08:00:00"):
            self.Card._salon_cron_expire()
        self.assertEqual(card.points, 0.0)
        self.assertBalanceIsLedger(card)

    def test_cancelled_order_gives_points_back_through_the_ledger(self):
        card = self.points_card(points=1000.0)
        visit = self.served(self.colour, self.master_anna, "2030-03-04 14:00")
        order = self.checkout(visit, points=500.0, journal=False)
        self.assertEqual(card.points, 500.0 + 6000.0 * 0.05)
        order.invoice_ids.button_draft()
        order.invoice_ids.button_cancel()
        order._action_cancel()
        self.assertEqual(card.points, 1000.0)
        self.assertBalanceIsLedger(card)
        self.assertEqual([left for _i, left, _d in self.batches(card)], [1000.0])

    def test_birthday_bonus_once_a_year(self):
        card = self.points_card()
        self.client.birthdate_date = date(1990, 3, 4)
        self.client_2.birthdate_date = date(1990, 3, 5)
        self.points_card(partner=self.client_2)
        self.Card._salon_cron_notify()
        self.Card._salon_cron_notify()
        self.assertEqual(card.points, 500.0)
        birthday = self.History.sudo().search([("salon_kind", "=", "birthday")])
        self.assertEqual(birthday.card_id, card)
        self.assertEqual(birthday.salon_expiration_date, date(2030, 8, 31))
        with freeze_time("2031-03-04 08:00:00"):
            self.Card._salon_cron_notify()
        self.assertEqual(card.points, 1000.0)
        self.assertBalanceIsLedger(card)

    def test_leap_day_birthday_is_celebrated_on_28_february(self):
        card = self.points_card()
        self.client.birthdate_date = date(1992, 2, 29)
        with freeze_time("2030-02-28 08:00:00"):
            self.Card._salon_cron_notify()
        self.assertEqual(card.points, 500.0)

    def test_reminder_once_per_card_and_expiry_date(self):
        card = self.points_card()
        self.grant(card, 80.0, day=date(2029, 9, 15))  # last day 2030-03-14: in 10 days
        self.grant(card, 20.0, day=date(2029, 9, 16))  # last day 2030-03-15
        self.grant(card, 50.0, day=date(2030, 3, 1))
        self.client.email = "ivanova@example.com"
        self.assertEqual((card.salon_expiring_points, card.salon_expiring_date), (80.0, date(2030, 3, 14)))

        def reminders():
            return card.message_ids.filtered(lambda m: m.message_type == "comment")

        self.Card._salon_cron_notify()
        self.Card._salon_cron_notify()
        self.assertEqual(len(reminders()), 1)
        self.assertIn("100 points", reminders().body)  # the 80 of 14 March and the 20 of 15 March
        self.assertIn(self.client, reminders().partner_ids)
        with freeze_time("2030-03-05 08:00:00"):
            self.Card._salon_cron_notify()
        self.assertEqual(len(reminders()), 1)
        with freeze_time("2030-08-15 08:00:00"):  # the accrual of 1 March expires on 28 August
            self.Card._salon_cron_notify()
        self.assertEqual(len(reminders()), 2)
        self.assertIn("50 points", reminders()[0].body)

# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command, fields

# pylint cannot follow the addons path Odoo builds at run time, hence the disable.
from odoo.addons.beauty_salon.tests.common import BeautySalonCase  # pylint: disable=import-error


class LoyaltyCase(BeautySalonCase):
    """The core's test salon plus loyalty: a bonus-points program (5 % of what is paid with money, 180 days,
    at most 30 % of a check, 500 on the birthday) and a cumulative discount card (5 / 7 / 10 % from 20,000 /
    50,000 / 100,000 spent, services only). Time stands still on Monday 2030-03-04, 11:00 Moscow time."""

    freeze_time = "2030-03-04 08:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Messages are checked in English, whatever language the database was installed with.
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.Card = cls.env["loyalty.card"]
        cls.History = cls.env["loyalty.history"]
        cls.Program = cls.env["loyalty.program"]
        services = cls.haircut | cls.manicure | cls.colour | cls.massage | cls.body_wrap | cls.laser_hair
        services.taxes_id = False
        cls.shampoo = cls.env["product.product"].create(
            {"name": "Shampoo", "type": "consu", "list_price": 900.0, "taxes_id": False}
        )
        cls.cash = cls.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.points_program = cls.Program.create(
            {
                "name": "Bonus points",
                "salon_kind": "points",
                "portal_point_name": "points",
                "salon_validity_days": 180,
                "salon_points_max_share": 30.0,
                "salon_birthday_points": 500.0,
                "salon_reminder_days": 14,
                "rule_ids": [
                    Command.create(
                        {"reward_point_mode": "money", "reward_point_amount": 0.05, "minimum_qty": 0}
                    )
                ],
                "reward_ids": [Command.create(cls.Program._salon_per_point_reward())],
            }
        )
        cls.card_program = cls.Program.create(
            {
                "name": "Cumulative card",
                "salon_kind": "discount_card",
                "salon_card_mode": "cumulative",
                "salon_services_only": True,
                "reward_ids": [
                    Command.create(cls.Program._salon_percent_reward(percent, threshold))
                    for percent, threshold in ((5.0, 20000.0), (7.0, 50000.0), (10.0, 100000.0))
                ],
            }
        )

    # ------------------------------------------------------------------ helpers
    def served(self, service, master, start, partner=None):
        """A visit the client came to (``start`` in Moscow time), ready for checkout."""
        visit = self.book(service, master, start, partner=partner)
        visit.action_arrive()
        return visit

    def checkout(self, visit, points=0.0, code=False, products=(), journal=True):
        """Check the visit out at the desk (invoiced and paid in cash); return its order."""
        wizard = self.env["beauty.visit.checkout"].create(
            {
                "visit_id": visit.id,
                "journal_id": self.cash.id if journal else False,
                "salon_points_to_use": points,
                "salon_code": code,
                "product_line_ids": [
                    Command.create({"product_id": product.id, "quantity": quantity})
                    for product, quantity in products
                ],
            }
        )
        wizard.action_confirm()
        return visit.sale_order_id

    def sell(self, partner, product, quantity=1.0, pay=True):
        """A desk sale (no visit): confirmed, invoiced and, unless told otherwise, paid in cash."""
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [Command.create({"product_id": product.id, "product_uom_qty": quantity})],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        if pay:
            self.pay(invoice)
        return order

    def add_line(self, visit, service, master, date_start):
        """Add a second service to a booked visit."""
        visit.line_ids.create(
            {"visit_id": visit.id, "service_id": service.id, "master_id": master.id, "date_start": date_start}
        )
        return visit

    def pay(self, invoices):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoices.ids
        ).create({"journal_id": self.cash.id})._create_payments()

    def refund(self, invoice):
        """Reverse an invoice in full (credit note posted and reconciled with it)."""
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Refund", "date": fields.Date.today()})
        )
        reversal.modify_moves()
        return invoice.reversal_move_ids

    @classmethod
    def points_card(cls, partner=None, points=0.0):
        """A bonus-points card of the client (``partner``), with ``points`` granted today."""
        card = cls.Card.create(
            {"program_id": cls.points_program.id, "partner_id": (partner or cls.client).id}
        )
        if points:
            cls.grant(card, points)
        return card

    @classmethod
    def grant(cls, card, points, day=None, kind="adjustment"):
        """Give points through the ledger (as the birthday bonus or a manager's adjustment does)."""
        return card._salon_post_ledger(
            [
                {
                    "card_id": card.id,
                    "description": "Granted",
                    "issued": points,
                    "salon_kind": kind,
                    "salon_date": day or fields.Date.today(),
                }
            ]
        )

    def assertBalanceIsLedger(self, card):
        self.env.flush_all()
        history = self.History.sudo().search([("card_id", "=", card.id)])
        self.assertAlmostEqual(
            card.points, sum(history.mapped("issued")) - sum(history.mapped("used")), places=2
        )

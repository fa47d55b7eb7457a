# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command
from odoo.tests import tagged

from .common import PayrollCase, moscow


@tagged("post_install", "-at_install")
class TestCommission(PayrollCase):
    """Service and retail commissions from paid checkouts, figures computed by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.styling = cls.env["product.product"].create(
            {
                "name": "Styling",
                "type": "service",
                "is_salon_service": True,
                "salon_duration": 1.0,
                "list_price": 3500.0,
                "salon_master_ids": [Command.set((cls.master_anna | cls.master_olga | cls.master_irina).ids)],
            }
        )

    def test_discount_paid_amount_or_list_price(self):
        """DOMAIN worked example: list 3,500, 10 % card, paid 3,150, 40 %: 1,260 paid, 1,400 on list."""
        self.scheme(self.master_anna, service_rate=40)
        self.scheme(self.master_olga, service_rate=40, commission_base="list")
        self.booked_and_paid(self.styling, self.master_anna, "2030-03-04 10:00", discount=10)
        self.booked_and_paid(self.styling, self.master_olga, "2030-03-04 10:00", discount=10)
        anna, olga = self.make_sheet(self.master_anna), self.make_sheet(self.master_olga)
        self.assertEqual(anna.line_ids.mapped("revenue"), [3150.0])
        self.assertEqual(anna.line_ids.mapped("base"), [3150.0])
        self.assertEqual(anna.amount_commission, 1260.0)
        self.assertEqual(olga.line_ids.mapped("base"), [3500.0])
        self.assertEqual(olga.amount_commission, 1400.0)

    def test_order_discount_lowers_each_master_base_in_proportion(self):
        """Haircut 2,500 (Anna) + manicure 2,000 (Olga) - 450 discount line: 10 % off each service."""
        self.scheme(self.master_anna, service_rate=40)
        self.scheme(self.master_olga, service_rate=40, deduct_discounts=False)
        visit = self.Visit.create(
            {
                "partner_id": self.client.id,
                "line_ids": [
                    Command.create(
                        {
                            "service_id": service.id,
                            "master_id": master.id,
                            "date_start": moscow("2030-03-04 10:00"),
                        }
                    )
                    for service, master in (
                        (self.haircut, self.master_anna),
                        (self.manicure, self.master_olga),
                    )
                ],
            }
        )
        discount = {"product_id": self.discount_product.id, "price_unit": -450.0, "product_uom_qty": 1.0}
        self.checkout(visit, "2030-03-04", order_lines=[discount])
        anna, olga = self.make_sheet(self.master_anna), self.make_sheet(self.master_olga)
        self.assertEqual(anna.line_ids.base, 2250.0)
        self.assertEqual(anna.amount_commission, 900.0)
        self.assertEqual(olga.line_ids.base, 2000.0)
        self.assertEqual(olga.amount_commission, 800.0)

    def test_retail_sold_by_the_master(self):
        """Two shampoos at 900 sold by Anna at 10 %: 180; Olga's scheme has no retail rate."""
        self.scheme(self.master_anna, service_rate=40, retail_rate=10)
        self.scheme(self.master_olga, service_rate=40)
        visit = self.book(self.manicure, self.master_olga, "2030-03-04 11:00")
        self.checkout(visit, "2030-03-04", products=[(self.shampoo, 2, self.master_anna)])
        anna, olga = self.make_sheet(self.master_anna), self.make_sheet(self.master_olga)
        retail = self.lines_by_kind(anna, "retail")
        self.assertEqual(
            (retail.quantity, retail.base, retail.rate, retail.amount), (2.0, 1800.0, 10.0, 180.0)
        )
        self.assertEqual(retail.product_id, self.shampoo)
        self.assertFalse(self.lines_by_kind(anna, "service"))
        self.assertEqual(olga.line_ids.kind, "service")
        self.assertEqual(olga.amount_commission, 800.0)

    def test_fixed_per_service_and_category_rules(self):
        """Haircut: 300 fixed; nails category (manicure's parent category): 50 %; the rest: 40 %."""
        nails = self.env["product.category"].create({"name": "Nails"})
        gel = self.env["product.category"].create({"name": "Gel", "parent_id": nails.id})
        self.manicure.categ_id = gel
        self.scheme(
            self.master_anna,
            service_rate=40,
            rule_ids=[
                Command.create({"product_tmpl_id": self.haircut.product_tmpl_id.id, "fixed_amount": 300.0}),
                Command.create({"categ_id": nails.id, "rate": 50.0}),
            ],
        )
        self.booked_and_paid(self.haircut, self.master_anna, "2030-03-04 09:00")
        self.booked_and_paid(self.manicure, self.master_anna, "2030-03-04 11:00")
        self.booked_and_paid(self.styling, self.master_anna, "2030-03-04 15:00")
        sheet = self.make_sheet(self.master_anna)
        amounts = {line.product_id: (line.rate, line.amount) for line in sheet.line_ids}
        self.assertEqual(amounts[self.haircut], (0.0, 300.0))
        self.assertEqual(amounts[self.manicure], (50.0, 1000.0))
        self.assertEqual(amounts[self.styling], (40.0, 1400.0))
        self.assertEqual(sheet.amount_commission, 2700.0)

    def test_only_paid_visits_count(self):
        """A cancelled visit, a no-show and an unpaid invoice earn nothing until the invoice is paid."""
        self.scheme(self.master_anna, service_rate=40)
        self.book(self.haircut, self.master_anna, "2030-03-05 10:00").action_cancel("Client is ill")
        self.book(self.haircut, self.master_anna, "2030-03-06 10:00").action_no_show()
        unpaid = self.book(self.haircut, self.master_anna, "2030-03-07 10:00")
        invoice = self.checkout(unpaid, "2030-03-07", pay=False)
        sheet = self.make_sheet(self.master_anna)
        self.assertFalse(sheet.line_ids)
        self.register_payment(invoice, "2030-03-12")
        sheet.action_compute()
        self.assertEqual(sheet.line_ids.visit_line_id, unpaid.line_ids)
        self.assertEqual((str(sheet.line_ids.date), sheet.amount_commission), ("2030-03-12", 1000.0))

    def test_refund_in_a_later_period_reverses_the_commission_there(self):
        self.scheme(self.master_anna, service_rate=40)
        visit = self.booked_and_paid(self.haircut, self.master_anna, "2030-03-04 10:00")
        march = self.make_sheet(self.master_anna)
        self.assertEqual(march.amount_commission, 1000.0)
        self.refund(visit.sale_order_id.invoice_ids, "2030-04-02")
        march.action_compute()
        self.assertEqual(march.amount_commission, 1000.0, "the refund belongs to April")
        april = self.make_sheet(self.master_anna, "2030-04-01", "2030-04-30")
        self.assertEqual(april.line_ids.mapped("revenue"), [-2500.0])
        self.assertEqual(april.line_ids.visit_line_id, visit.line_ids)
        self.assertEqual(april.amount_commission, -1000.0)

    def test_invoice_cancelled_by_credit_note_earns_nothing(self):
        """Invoiced unpaid, then cancelled by a credit note the same month: +1,000 and -1,000."""
        self.scheme(self.master_anna, service_rate=40)
        visit = self.book(self.haircut, self.master_anna, "2030-03-04 10:00")
        invoice = self.checkout(visit, "2030-03-04", pay=False)
        invoice._reverse_moves([{"invoice_date": invoice.invoice_date, "date": invoice.date}], cancel=True)
        self.assertEqual(invoice.payment_state, "reversed")
        sheet = self.make_sheet(self.master_anna)
        self.assertEqual(sorted(sheet.line_ids.mapped("amount")), [-1000.0, 1000.0])
        self.assertEqual(sheet.amount_commission, 0.0)

    def test_scheme_change_in_the_middle_of_the_period(self):
        """30 % until 15 March, 40 % from 16 March: haircuts on the 10th and the 20th."""
        old = self.scheme(self.master_anna, service_rate=30)
        new = self.scheme(self.master_anna, date_from="2030-03-16", service_rate=40)
        self.booked_and_paid(self.haircut, self.master_anna, "2030-03-10 10:00")
        self.booked_and_paid(self.haircut, self.master_anna, "2030-03-20 10:00")
        sheet = self.make_sheet(self.master_anna)
        by_date = {str(line.date): (line.scheme_id, line.amount) for line in sheet.line_ids}
        self.assertEqual(by_date, {"2030-03-10": (old, 750.0), "2030-03-20": (new, 1000.0)})

    def test_job_position_default_and_personal_scheme(self):
        stylist = self.env["hr.job"].create({"name": "Stylist"})
        self.master_irina.job_id = stylist
        by_job = self.Scheme.create({"name": "Stylists", "service_rate": 25})
        self.env["beauty.payroll.assignment"].create(
            {"scheme_id": by_job.id, "job_id": stylist.id, "date_from": "2030-01-01"}
        )
        self.booked_and_paid(self.haircut, self.master_irina, "2030-03-04 10:00")
        self.assertEqual(self.make_sheet(self.master_irina).amount_commission, 625.0)
        own = self.scheme(self.master_irina, date_from="2030-04-01", service_rate=50)
        self.booked_and_paid(self.haircut, self.master_irina, "2030-04-04 10:00")
        april = self.make_sheet(self.master_irina, "2030-04-01", "2030-04-30")
        self.assertEqual((april.line_ids.scheme_id, april.amount_commission), (own, 1250.0))

    def test_late_payment_goes_to_the_next_sheet(self):
        """Paid after March was confirmed, dated 31 March: the April sheet takes it, once."""
        self.scheme(self.master_anna, service_rate=40)
        visit = self.book(self.haircut, self.master_anna, "2030-03-30 10:00")
        invoice = self.checkout(visit, "2030-03-30", pay=False)
        march = self.make_sheet(self.master_anna)
        march.action_confirm()
        self.register_payment(invoice, "2030-03-31")
        april = self.make_sheet(self.master_anna, "2030-04-01", "2030-04-30")
        self.assertEqual((str(april.line_ids.date), april.amount_commission), ("2030-03-31", 1000.0))
        may = self.make_sheet(self.master_anna, "2030-05-01", "2030-05-31")
        self.assertFalse(may.line_ids)

    def test_tier_boundary_exactly_hit(self):
        """Brackets 0 -> 30 %, 100,000 -> 35 %; revenue exactly 100,000 reaches the second bracket."""
        package = self.env["product.product"].create(
            {
                "name": "Wedding package",
                "type": "service",
                "is_salon_service": True,
                "list_price": 50000.0,
                "salon_master_ids": [Command.set((self.master_anna | self.master_olga).ids)],
            }
        )
        tiers = [
            Command.create({"threshold": 0, "rate": 30}),
            Command.create({"threshold": 100000, "rate": 35}),
        ]
        self.scheme(self.master_anna, tier_mode="whole", tier_ids=tiers)
        self.scheme(self.master_olga, tier_mode="marginal", tier_ids=tiers)
        for master in (self.master_anna, self.master_olga):
            self.booked_and_paid(package, master, "2030-03-04 10:00")
            self.booked_and_paid(package, master, "2030-03-05 10:00")
        whole, marginal = self.make_sheet(self.master_anna), self.make_sheet(self.master_olga)
        self.assertEqual(whole.amount_commission, 35000.0)
        self.assertEqual(marginal.amount_commission, 30000.0)
        self.assertIn("Whole amount", whole.tier_summary)
        self.assertIn("Marginal", marginal.tier_summary)

# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command, api, models


class BeautyDemoCheckout(models.AbstractModel):
    """Checks out the demo week's done visits, so that the dashboard has revenue to show."""

    _name = "beauty.demo.checkout"
    _description = "Salon Demo Checkouts"

    @api.model
    def _checkout_demo_visits(self, retail_every=3):
        """Give every done demo visit its confirmed sale order (``beauty.visit._create_sale_order``).

        Every ``retail_every``-th client also buys a demo retail product from her master. The order is
        dated at the end of the visit, as if the client had paid on her way out. Orders are not
        invoiced: Odoo 18 has no Russian chart of accounts, and the generic chart's taxes cannot be
        posted in a company whose fiscal country is Russia.
        """
        env = self.with_context(tracking_disable=True, mail_notrack=True, mail_create_nolog=True).env
        products = env.ref("beauty_salon.product_salon_retail_shampoo") | env.ref(
            "beauty_salon.product_salon_retail_cuticle_oil"
        )
        visits = env["beauty.visit"].search(
            [("state", "=", "done"), ("sale_order_id", "=", False)], order="date_start, id"
        )
        for index, visit in enumerate(visits):
            order = visit._create_sale_order()
            if index % retail_every == 0:
                product = products[index // retail_every % len(products)]
                order.order_line = [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": 1.0,
                            "salon_master_id": visit.line_ids[0].master_id.id,
                        }
                    )
                ]
            order.action_confirm()
            order.date_order = visit.date_stop
        return True

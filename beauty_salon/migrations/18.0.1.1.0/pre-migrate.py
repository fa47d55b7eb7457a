# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fill the order's date, visit and currency rate on the sale lines (new stored related fields) in one
UPDATE, before the ORM would compute them line by line."""

from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column


def migrate(cr, version):
    if column_exists(cr, "sale_order_line", "salon_order_date"):
        return
    create_column(cr, "sale_order_line", "salon_order_date", "timestamp")
    create_column(cr, "sale_order_line", "salon_visit_id", "int4")
    create_column(cr, "sale_order_line", "salon_currency_rate", "float8")
    cr.execute(
        SQL(
            """UPDATE sale_order_line sol
                  SET salon_order_date = so.date_order,
                      salon_visit_id = so.salon_visit_id,
                      salon_currency_rate = so.currency_rate
                 FROM sale_order so
                WHERE so.id = sol.order_id"""
        )
    )

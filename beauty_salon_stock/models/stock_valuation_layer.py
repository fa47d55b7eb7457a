# Copyright 2026 Beauty Salon Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import Command, models


class StockValuationLayer(models.Model):
    """Salon consumption is booked as one journal entry per transfer (per visit), not one per material.

    A visit uses around eight materials a service; one entry per material would flood the stock journal
    and slow every visit's completion. The lines are the ones stock_account prepares, only gathered.
    """

    _inherit = "stock.valuation.layer"

    def _validate_accounting_entries(self):
        salon = self.filtered(lambda layer: layer.stock_move_id.salon_consumption_id)
        result = super(StockValuationLayer, self - salon)._validate_accounting_entries()
        salon._salon_post_transfer_entries()
        return result

    def _salon_post_transfer_entries(self):
        moves = self.stock_move_id
        directions = moves._get_move_directions()
        entries = {}
        for layer in self:
            company = layer.company_id
            if layer.with_company(company).product_id.valuation != "real_time" or layer.currency_id.is_zero(
                layer.value
            ):
                continue
            move = layer.stock_move_id.with_context(move_directions=directions).with_company(company)
            picking = move.picking_id
            for vals in move._account_entry_move(layer.quantity, layer.description, layer.id, layer.value):
                key = (picking, vals["journal_id"], vals["date"], vals["is_storno"])
                entry = entries.get(key)
                if entry is None:
                    entries[key] = dict(
                        vals,
                        ref=f"{picking.name} - {picking.origin}",
                        stock_valuation_layer_ids=[Command.set(layer.ids)],
                    )
                else:
                    entry["line_ids"] += vals["line_ids"]
                    entry["stock_valuation_layer_ids"] = [
                        Command.set(entry["stock_valuation_layer_ids"][0][2] + layer.ids)
                    ]
        if entries:
            # sudo: as stock_account does, the entries are posted whoever validated the transfer.
            self.env["account.move"].sudo().create(list(entries.values()))._post()

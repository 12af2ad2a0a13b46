"""Measure the redactor on the annotated test set: recall and precision per identifier type and overall.

    .venv/bin/python scripts/evaluate_redaction.py              # dev, test, test-old / test-new / test-newer, authored
    .venv/bin/python scripts/evaluate_redaction.py --split holdout-o  # a held-out authored set (never in "all")
    .venv/bin/python scripts/evaluate_redaction.py --split test --show-errors
    .venv/bin/python scripts/evaluate_redaction.py --demo            # the demo hospital as a third set
    .venv/bin/python scripts/evaluate_redaction.py --wikipedia ../shared/data/politeness/wikipedia.train.csv

Span-level: a predicted span counts when it overlaps a gold span of a compatible type (MRN~ID,
DATE~DOB, PHONE~FAX); character recall is the share of gold characters covered by any placeholder.

``--demo`` generates the demo hospital (``bedside.demo``, written by another engineer, so an
independent set) into a temporary folder, redacts every message and note with the demo roster as the
allow-list, and counts a planted identifier as caught when none of it is left in the output (for
names: no name word left, as the demo's own test checks). It also reports the false-positive rate on
demo messages with no planted identifier: the share of them that get any placeholder, and the
placeholders per message.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from bedside.text.redaction import Redactor
from bedside.text.redaction.evaluation import EvaluationReport, evaluate, load_gold, pooled

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "redaction"
# The test part grew by appending templates: 0-69 (batches one to four), 70-101 (fifth batch, a third
# name pool written for it) and 102+ (sixth batch, a fourth pool). "test" is all of it; "test-old" and "test-new" report the two separately.
FIFTH_BATCH_FIRST_TEMPLATE = 70
SIXTH_BATCH_FIRST_TEMPLATE = 102  # test-newer (1.3.0): a fourth hand-written name pool
SPLITS = ("dev", "test", "test-old", "test-new", "test-newer", "authored", "authored-b", "authored-h", "authored-i",
          "authored-j", "authored-k", "authored-t", "authored-u", "authored-v", "authored-w")
# Free-form messages written by other authors (``[[TYPE|surface]]`` markup, ``evaluation.load_marked``):
# "authored" trains the name scorer; "authored-b" (a third author) was measured once before any rule saw it and
# then tuned on; the held-out files "holdout" and "holdout-c" to "holdout-f" were each measured once and then
# tuned on, as were "holdout-g" (1.4.0's last held-out set) and "holdout-l", "holdout-m" and "holdout-n" (1.5.0's
# first rounds) and "holdout-o" to "holdout-q" (its second); "holdout-r" and "holdout-s" were measured once on the
# shipped 1.5.0. None of the held-out files is part of "all".
AUTHORED = {
    "authored": DATA / "authored" / "train-2026-11.txt",
    "authored-b": DATA / "authored" / "dev-2026-11b.txt",
    "holdout": DATA / "authored" / "holdout-2026-11.txt",
    "holdout-c": DATA / "authored" / "holdout-2026-11c.txt",
    "holdout-d": DATA / "authored" / "holdout-2026-11d.txt",
    "holdout-e": DATA / "authored" / "holdout-2026-11e.txt",
    "holdout-f": DATA / "authored" / "holdout-2026-11f.txt",
    "holdout-g": DATA / "authored" / "holdout-2026-11g.txt",
    # 1.5.0: four more authors (children's hospital, cancer center, behavioral health, post-acute care), each
    # measured once on 1.4.0 and then tuned on.
    "authored-h": DATA / "authored" / "train-2026-11h.txt",
    "authored-i": DATA / "authored" / "train-2026-11i.txt",
    "authored-j": DATA / "authored" / "train-2026-11j.txt",
    "authored-k": DATA / "authored" / "train-2026-11k.txt",
    # 1.5.0 held-out files, by three more authors (Texas border community hospital, VA Southwest, New York City).
    "holdout-l": DATA / "authored" / "holdout-2026-11l.txt",
    "holdout-m": DATA / "authored" / "holdout-2026-11m.txt",
    "holdout-n": DATA / "authored" / "holdout-2026-11n.txt",
    # Three more authors (Hawaii, metro Detroit, South Florida), held out until the second round was committed.
    "holdout-o": DATA / "authored" / "holdout-2026-11o.txt",
    "holdout-p": DATA / "authored" / "holdout-2026-11p.txt",
    "holdout-q": DATA / "authored" / "holdout-2026-11q.txt",
    # Two more authors (Appalachia, Los Angeles), held out until the final 1.5.0 was committed.
    "holdout-r": DATA / "authored" / "holdout-2026-11r.txt",
    "holdout-s": DATA / "authored" / "holdout-2026-11s.txt",
    # 1.6.0: four more authors (western Alaska, Boston children's, Twin Cities, south Louisiana), each measured
    # once on 1.5.0, then the sequence model's training data.
    "authored-t": DATA / "authored" / "train-2026-11t.txt",
    "authored-u": DATA / "authored" / "train-2026-11u.txt",
    "authored-v": DATA / "authored" / "train-2026-11v.txt",
    "authored-w": DATA / "authored" / "train-2026-11w.txt",
    # 1.6.0 held-out files: x to z (central New Jersey, Chicago, Utah/Idaho) measured once on the first 1.6.0
    # version, then read and trained on; aa to ac (Mississippi Delta, southern Arizona, Seattle-Tacoma)
    # measured once on the second-round 1.6.0, then trained on; ad to af (northern New England, Houston, the
    # Bronx) measured once on the third-round 1.6.0, then trained on; ag to ai (Rio Grande Valley, Atlanta,
    # Central Valley) measured once on the fourth-round 1.6.0, then trained on; aj to al (Philadelphia,
    # Oklahoma, Gulf Coast) measured once on the shipped 1.6.0.
    "holdout-x": DATA / "authored" / "holdout-2026-11x.txt",
    "holdout-y": DATA / "authored" / "holdout-2026-11y.txt",
    "holdout-z": DATA / "authored" / "holdout-2026-11z.txt",
    "holdout-aa": DATA / "authored" / "holdout-2026-11aa.txt",
    "holdout-ab": DATA / "authored" / "holdout-2026-11ab.txt",
    "holdout-ac": DATA / "authored" / "holdout-2026-11ac.txt",
    "holdout-ad": DATA / "authored" / "holdout-2026-11ad.txt",
    "holdout-ae": DATA / "authored" / "holdout-2026-11ae.txt",
    "holdout-af": DATA / "authored" / "holdout-2026-11af.txt",
    "holdout-ag": DATA / "authored" / "holdout-2026-11ag.txt",
    "holdout-ah": DATA / "authored" / "holdout-2026-11ah.txt",
    "holdout-ai": DATA / "authored" / "holdout-2026-11ai.txt",
    "holdout-aj": DATA / "authored" / "holdout-2026-11aj.txt",
    "holdout-ak": DATA / "authored" / "holdout-2026-11ak.txt",
    "holdout-al": DATA / "authored" / "holdout-2026-11al.txt",
    "holdout-am": DATA / "authored" / "holdout-2026-11am.txt",
    "holdout-an": DATA / "authored" / "holdout-2026-11an.txt",
    "holdout-ao": DATA / "authored" / "holdout-2026-11ao.txt",
    # 1.8.0 held-out files (Gallup and the Navajo Nation, Baltimore and the Eastern Shore, Denver and a mountain
    # town), measured once on 1.8.0 (5935526) before anyone read them.
    "holdout-ap": DATA / "authored" / "holdout-2026-11ap.txt",
    "holdout-aq": DATA / "authored" / "holdout-2026-11aq.txt",
    "holdout-ar": DATA / "authored" / "holdout-2026-11ar.txt",
    # Three more (Milwaukee and the Fox Valley, Pittsburgh and the Mon Valley, Las Vegas and rural Nevada), each
    # given the hospital's own sites in the brief (authored/sites.csv); measured once on 1.8.0 (7d0689e).
    "holdout-as": DATA / "authored" / "holdout-2026-11as.txt",
    "holdout-at": DATA / "authored" / "holdout-2026-11at.txt",
    "holdout-au": DATA / "authored" / "holdout-2026-11au.txt",
    # And three more, given their hospital's sites the same way (Billings and the Crow and Northern Cheyenne
    # country, Charlotte and the Piedmont, San Diego and the Imperial Valley): measured once on 1.8.0 (0dcbf2c).
    "holdout-av": DATA / "authored" / "holdout-2026-11av.txt",
    "holdout-aw": DATA / "authored" / "holdout-2026-11aw.txt",
    "holdout-ax": DATA / "authored" / "holdout-2026-11ax.txt",
    # Three more with sites (Cleveland, Akron and the Amish country; Portland and the Columbia Gorge; St. Louis and
    # the Missouri Bootheel): written while 1.9.0 was built, measured once on it.
    "holdout-ay": DATA / "authored" / "holdout-2026-11ay.txt",
    "holdout-az": DATA / "authored" / "holdout-2026-11az.txt",
    "holdout-ba": DATA / "authored" / "holdout-2026-11ba.txt",
    "holdout-bb": DATA / "authored" / "holdout-2026-11bb.txt",
    "holdout-bc": DATA / "authored" / "holdout-2026-11bc.txt",
    "holdout-bd": DATA / "authored" / "holdout-2026-11bd.txt",
    "holdout-be": DATA / "authored" / "holdout-2026-11be.txt",
    "holdout-bf": DATA / "authored" / "holdout-2026-11bf.txt",
    "holdout-bg": DATA / "authored" / "holdout-2026-11bg.txt",
    "holdout-bh": DATA / "authored" / "holdout-2026-11bh.txt",
    "holdout-bi": DATA / "authored" / "holdout-2026-11bi.txt",
    "holdout-bj": DATA / "authored" / "holdout-2026-11bj.txt",
    # 1.11: bk to bm (New Orleans and the bayou parishes; Anchorage and the Yukon-Kuskokwim Delta; El Paso and
    # southern New Mexico) measured once on 1.11.0, then read; bn to bp (Providence and Fall River; Spokane and the
    # Inland Northwest; Buffalo and the Southern Tier) kept unread to measure the version written after reading them.
    "holdout-bk": DATA / "authored" / "holdout-2026-11bk.txt",
    "holdout-bl": DATA / "authored" / "holdout-2026-11bl.txt",
    "holdout-bm": DATA / "authored" / "holdout-2026-11bm.txt",
    "holdout-bn": DATA / "authored" / "holdout-2026-11bn.txt",
    "holdout-bo": DATA / "authored" / "holdout-2026-11bo.txt",
    "holdout-bp": DATA / "authored" / "holdout-2026-11bp.txt",
    "holdout-bq": DATA / "authored" / "holdout-2026-11bq.txt",
    "holdout-br": DATA / "authored" / "holdout-2026-11br.txt",
    "holdout-bs": DATA / "authored" / "holdout-2026-11bs.txt",
    "holdout-bt": DATA / "authored" / "holdout-2026-11bt.txt",
    "holdout-bu": DATA / "authored" / "holdout-2026-11bu.txt",
    "holdout-bv": DATA / "authored" / "holdout-2026-11bv.txt",
    "holdout-cc": DATA / "authored" / "holdout-2026-11cc.txt",
    "holdout-cd": DATA / "authored" / "holdout-2026-11cd.txt",
    "holdout-ce": DATA / "authored" / "holdout-2026-11ce.txt",
    # 1.13.0 held-out files: cf to ck (New Orleans and Acadiana, Anchorage and the Yukon-Kuskokwim Delta, Richmond and
    # Southside Virginia, Fargo and the Bakken, Indianapolis and southern Indiana, Spokane and the Yakima Valley),
    # written while 1.13.0 was built, measured once on 1.12.3 and once on 1.13.0, not read.
    "holdout-cf": DATA / "authored" / "holdout-2026-11cf.txt",
    "holdout-cg": DATA / "authored" / "holdout-2026-11cg.txt",
    "holdout-ch": DATA / "authored" / "holdout-2026-11ch.txt",
    "holdout-ci": DATA / "authored" / "holdout-2026-11ci.txt",
    "holdout-cj": DATA / "authored" / "holdout-2026-11cj.txt",
    "holdout-ck": DATA / "authored" / "holdout-2026-11ck.txt",
    # 1.13.1 held-out files: cl to cq (San Antonio and the Hill Country, Louisville and eastern Kentucky, Albuquerque and
    # northern New Mexico, Raleigh-Durham and eastern North Carolina, Des Moines and rural Iowa, Tampa and the Gulf
    # Coast), written while 1.13.1 was built, measured once on 1.13.0 and once on 1.13.1, not read.
    "holdout-cl": DATA / "authored" / "holdout-2026-11cl.txt",
    "holdout-cm": DATA / "authored" / "holdout-2026-11cm.txt",
    "holdout-cn": DATA / "authored" / "holdout-2026-11cn.txt",
    "holdout-co": DATA / "authored" / "holdout-2026-11co.txt",
    "holdout-cp": DATA / "authored" / "holdout-2026-11cp.txt",
    "holdout-cq": DATA / "authored" / "holdout-2026-11cq.txt",
    # 1.13.2 held-out files: cr to cw (Jackson and the Pine Belt, Phoenix and the Gila River, Flint and the Thumb,
    # Casper and the Wind River, Brooklyn and Staten Island, Shreveport and north Louisiana), written while 1.13.2 was
    # built, measured once on 1.13.1 and once on 1.13.2, not read.
    "holdout-cr": DATA / "authored" / "holdout-2026-11cr.txt",
    "holdout-cs": DATA / "authored" / "holdout-2026-11cs.txt",
    "holdout-ct": DATA / "authored" / "holdout-2026-11ct.txt",
    "holdout-cu": DATA / "authored" / "holdout-2026-11cu.txt",
    "holdout-cv": DATA / "authored" / "holdout-2026-11cv.txt",
    "holdout-cw": DATA / "authored" / "holdout-2026-11cw.txt",
    # cx to dc (Cincinnati and Appalachian Ohio, Orlando and Kissimmee, Wichita, Newark and Elizabeth, Eugene and southern
    # Oregon, Chattanooga and north Georgia), written while 1.13.2 was built, measured once on the shipped 1.13.2 (and,
    # for comparison, on 1.12.3, 1.13.0 and 1.13.1), not read.
    "holdout-cx": DATA / "authored" / "holdout-2026-11cx.txt",
    "holdout-cy": DATA / "authored" / "holdout-2026-11cy.txt",
    "holdout-cz": DATA / "authored" / "holdout-2026-11cz.txt",
    "holdout-da": DATA / "authored" / "holdout-2026-11da.txt",
    "holdout-db": DATA / "authored" / "holdout-2026-11db.txt",
    "holdout-dc": DATA / "authored" / "holdout-2026-11dc.txt",
    # dd to di (Providence and Fall River, Oahu, Green Bay and north-central Wisconsin, Laredo and Del Rio, Atlantic City
    # and south Jersey, Great Falls and northern Montana), written while 1.13.3 was built, measured once on 1.13.2 and
    # once on 1.13.3 (and on 1.12.3 for comparison), not read.
    "holdout-dd": DATA / "authored" / "holdout-2026-11dd.txt",
    "holdout-de": DATA / "authored" / "holdout-2026-11de.txt",
    "holdout-df": DATA / "authored" / "holdout-2026-11df.txt",
    "holdout-dg": DATA / "authored" / "holdout-2026-11dg.txt",
    "holdout-dh": DATA / "authored" / "holdout-2026-11dh.txt",
    "holdout-di": DATA / "authored" / "holdout-2026-11di.txt",
    # dj to do (Pittsburgh and the Mon Valley, Fresno and the Central Valley, Tulsa and the Cherokee, Creek and Osage
    # Nations, Birmingham and the Black Belt, Detroit and Dearborn, Burlington and the Northeast Kingdom), written in
    # session 14, measured once on 1.13.4 (pooled 0.953 / 0.954), not read.
    "holdout-dj": DATA / "authored" / "holdout-2026-11dj.txt",
    "holdout-dk": DATA / "authored" / "holdout-2026-11dk.txt",
    "holdout-dl": DATA / "authored" / "holdout-2026-11dl.txt",
    "holdout-dm": DATA / "authored" / "holdout-2026-11dm.txt",
    "holdout-dn": DATA / "authored" / "holdout-2026-11dn.txt",
    "holdout-do": DATA / "authored" / "holdout-2026-11do.txt",
    # dp to dw (Boise and the Magic Valley, Memphis and the Delta, Sacramento and the foothills, Baltimore and the
    # Eastern Shore, Houston's east side and Alief, Minneapolis-Saint Paul and the Iron Range, Charleston WV and the
    # southern coalfields, Miami, Hialeah and Homestead), written in session 14, measured once on 1.13.4 (pooled
    # 0.971 / 0.959), not read.
    "holdout-dp": DATA / "authored" / "holdout-2026-11dp.txt",
    "holdout-dq": DATA / "authored" / "holdout-2026-11dq.txt",
    "holdout-dr": DATA / "authored" / "holdout-2026-11dr.txt",
    "holdout-ds": DATA / "authored" / "holdout-2026-11ds.txt",
    "holdout-dt": DATA / "authored" / "holdout-2026-11dt.txt",
    "holdout-du": DATA / "authored" / "holdout-2026-11du.txt",
    "holdout-dv": DATA / "authored" / "holdout-2026-11dv.txt",
    "holdout-dw": DATA / "authored" / "holdout-2026-11dw.txt",
    # dx to ee (Savannah and the Lowcountry, El Paso and Las Cruces, Omaha and Lincoln, Salt Lake City and the Uintah
    # Basin, the Bronx, Rapid City and Pine Ridge, Portland and Lewiston ME, Nashville), written in session 14 while
    # 1.14.1 was documented, measured once on 1.14.1 (pooled 0.971 / 0.961; 1.13.4 0.970 / 0.956), not read.
    "holdout-dx": DATA / "authored" / "holdout-2026-11dx.txt",
    "holdout-dy": DATA / "authored" / "holdout-2026-11dy.txt",
    "holdout-dz": DATA / "authored" / "holdout-2026-11dz.txt",
    "holdout-ea": DATA / "authored" / "holdout-2026-11ea.txt",
    "holdout-eb": DATA / "authored" / "holdout-2026-11eb.txt",
    "holdout-ec": DATA / "authored" / "holdout-2026-11ec.txt",
    "holdout-ed": DATA / "authored" / "holdout-2026-11ed.txt",
    "holdout-ee": DATA / "authored" / "holdout-2026-11ee.txt",
    # ef to em (Lubbock and the South Plains, Columbus and Appalachian Ohio, Las Vegas, Jacksonville, Kansas City,
    # Fairbanks and the Interior, the Rio Grande Valley, Hartford), written at the end of session 14, measured once on
    # 1.14.3 (pooled 0.973 / 0.964), not read.
    "holdout-ef": DATA / "authored" / "holdout-2026-11ef.txt",
    "holdout-eg": DATA / "authored" / "holdout-2026-11eg.txt",
    "holdout-eh": DATA / "authored" / "holdout-2026-11eh.txt",
    "holdout-ei": DATA / "authored" / "holdout-2026-11ei.txt",
    "holdout-ej": DATA / "authored" / "holdout-2026-11ej.txt",
    "holdout-ek": DATA / "authored" / "holdout-2026-11ek.txt",
    "holdout-el": DATA / "authored" / "holdout-2026-11el.txt",
    "holdout-em": DATA / "authored" / "holdout-2026-11em.txt",
    # en to eu (Little Rock, Milwaukee, Tucson, Buffalo, Boston, Oklahoma City, Yakima, Charlotte), written at the end of
    # session 14, measured once on 1.14.4 (pooled 0.980 / 0.963; 1.13.4 0.979 / 0.957), not read.
    "holdout-en": DATA / "authored" / "holdout-2026-11en.txt",
    "holdout-eo": DATA / "authored" / "holdout-2026-11eo.txt",
    "holdout-ep": DATA / "authored" / "holdout-2026-11ep.txt",
    "holdout-eq": DATA / "authored" / "holdout-2026-11eq.txt",
    "holdout-er": DATA / "authored" / "holdout-2026-11er.txt",
    "holdout-es": DATA / "authored" / "holdout-2026-11es.txt",
    "holdout-et": DATA / "authored" / "holdout-2026-11et.txt",
    "holdout-eu": DATA / "authored" / "holdout-2026-11eu.txt",
    # ev to fc (Duluth, Mobile, Lexington KY, Amarillo, Reno, Sioux Falls, Roanoke, Bangor), written in session 15,
    # measured once on 1.14.4 and 1.15.0, not read.
    "holdout-ev": DATA / "authored" / "holdout-2026-11ev.txt",
    "holdout-ew": DATA / "authored" / "holdout-2026-11ew.txt",
    "holdout-ex": DATA / "authored" / "holdout-2026-11ex.txt",
    "holdout-ey": DATA / "authored" / "holdout-2026-11ey.txt",
    "holdout-ez": DATA / "authored" / "holdout-2026-11ez.txt",
    "holdout-fa": DATA / "authored" / "holdout-2026-11fa.txt",
    "holdout-fb": DATA / "authored" / "holdout-2026-11fb.txt",
    "holdout-fc": DATA / "authored" / "holdout-2026-11fc.txt",
    # fd to fk (Evansville, Erie, Macon, Corpus Christi, Billings, Toledo, Asheville, Fort Smith), written at the end
    # of session 15, measured once on 1.14.4 and 1.15.0, not read.
    "holdout-fd": DATA / "authored" / "holdout-2026-11fd.txt",
    "holdout-fe": DATA / "authored" / "holdout-2026-11fe.txt",
    "holdout-ff": DATA / "authored" / "holdout-2026-11ff.txt",
    "holdout-fg": DATA / "authored" / "holdout-2026-11fg.txt",
    "holdout-fh": DATA / "authored" / "holdout-2026-11fh.txt",
    "holdout-fi": DATA / "authored" / "holdout-2026-11fi.txt",
    "holdout-fj": DATA / "authored" / "holdout-2026-11fj.txt",
    "holdout-fk": DATA / "authored" / "holdout-2026-11fk.txt",
    # fl to fs (Spokane, Shreveport, Lansing, Fargo, Knoxville, Laredo, Peoria, Chattanooga), written in session 16
    # after 1.15.1 was settled and measured once on it; read in session 18 for 1.15.2.
    "holdout-fl": DATA / "authored" / "holdout-2026-11fl.txt",
    "holdout-fm": DATA / "authored" / "holdout-2026-11fm.txt",
    "holdout-fn": DATA / "authored" / "holdout-2026-11fn.txt",
    "holdout-fo": DATA / "authored" / "holdout-2026-11fo.txt",
    "holdout-fp": DATA / "authored" / "holdout-2026-11fp.txt",
    "holdout-fq": DATA / "authored" / "holdout-2026-11fq.txt",
    "holdout-fr": DATA / "authored" / "holdout-2026-11fr.txt",
    "holdout-fs": DATA / "authored" / "holdout-2026-11fs.txt",
    # ft to ga (Missoula, Dayton, Wichita, Huntsville, Scranton, Honolulu, Utica, Harlingen), written in session 18
    # while 1.15.1 shipped and measured once on it, not read.
    "holdout-ft": DATA / "authored" / "holdout-2026-11ft.txt",
    "holdout-fu": DATA / "authored" / "holdout-2026-11fu.txt",
    "holdout-fv": DATA / "authored" / "holdout-2026-11fv.txt",
    "holdout-fw": DATA / "authored" / "holdout-2026-11fw.txt",
    "holdout-fx": DATA / "authored" / "holdout-2026-11fx.txt",
    "holdout-fy": DATA / "authored" / "holdout-2026-11fy.txt",
    "holdout-fz": DATA / "authored" / "holdout-2026-11fz.txt",
    "holdout-ga": DATA / "authored" / "holdout-2026-11ga.txt",
    "holdout-bw": DATA / "authored" / "holdout-2026-11bw.txt",
    "holdout-bx": DATA / "authored" / "holdout-2026-11bx.txt",
    "holdout-by": DATA / "authored" / "holdout-2026-11by.txt",
    "holdout-bz": DATA / "authored" / "holdout-2026-11bz.txt",
    "holdout-ca": DATA / "authored" / "holdout-2026-11ca.txt",
    "holdout-cb": DATA / "authored" / "holdout-2026-11cb.txt",
}
HELD_OUT = ("holdout", "holdout-c", "holdout-d", "holdout-e", "holdout-f", "holdout-g", "holdout-l", "holdout-m", "holdout-n", "holdout-o",
            "holdout-p", "holdout-q", "holdout-r", "holdout-s", "holdout-x", "holdout-y", "holdout-z", "holdout-aa",
            "holdout-ab", "holdout-ac", "holdout-ad", "holdout-ae", "holdout-af",
            "holdout-ag", "holdout-ah", "holdout-ai", "holdout-aj", "holdout-ak", "holdout-al",
            "holdout-am", "holdout-an", "holdout-ao", "holdout-ap", "holdout-aq", "holdout-ar",
            "holdout-as", "holdout-at", "holdout-au", "holdout-av", "holdout-aw", "holdout-ax",
            "holdout-ay", "holdout-az", "holdout-ba", "holdout-bb", "holdout-bc", "holdout-bd",
            "holdout-be", "holdout-bf", "holdout-bg", "holdout-bh", "holdout-bi", "holdout-bj",
            "holdout-bk", "holdout-bl", "holdout-bm", "holdout-bn", "holdout-bo", "holdout-bp",
            "holdout-bq", "holdout-br", "holdout-bs", "holdout-bt", "holdout-bu", "holdout-bv",
            "holdout-bw", "holdout-bx", "holdout-by", "holdout-bz", "holdout-ca", "holdout-cb", "holdout-cc", "holdout-cd",
            "holdout-ce", "holdout-cf", "holdout-cg", "holdout-ch", "holdout-ci", "holdout-cj", "holdout-ck",
            "holdout-cl", "holdout-cm", "holdout-cn", "holdout-co", "holdout-cp", "holdout-cq",
            "holdout-cr", "holdout-cs", "holdout-ct", "holdout-cu", "holdout-cv", "holdout-cw",
            "holdout-cx", "holdout-cy", "holdout-cz", "holdout-da", "holdout-db", "holdout-dc",
            "holdout-dd", "holdout-de", "holdout-df", "holdout-dg", "holdout-dh", "holdout-di",
            "holdout-dj", "holdout-dk", "holdout-dl", "holdout-dm", "holdout-dn", "holdout-do",
            "holdout-dp", "holdout-dq", "holdout-dr", "holdout-ds", "holdout-dt", "holdout-du", "holdout-dv", "holdout-dw",
            "holdout-dx", "holdout-dy", "holdout-dz", "holdout-ea", "holdout-eb", "holdout-ec", "holdout-ed", "holdout-ee",
            "holdout-ef", "holdout-eg", "holdout-eh", "holdout-ei", "holdout-ej", "holdout-ek", "holdout-el", "holdout-em",
            "holdout-en", "holdout-eo", "holdout-ep", "holdout-eq", "holdout-er", "holdout-es", "holdout-et", "holdout-eu",
            "holdout-ev", "holdout-ew", "holdout-ex", "holdout-ey", "holdout-ez", "holdout-fa", "holdout-fb", "holdout-fc",
            "holdout-fd", "holdout-fe", "holdout-ff", "holdout-fg", "holdout-fh", "holdout-fi", "holdout-fj", "holdout-fk",
            "holdout-fl", "holdout-fm", "holdout-fn", "holdout-fo", "holdout-fp", "holdout-fq", "holdout-fr", "holdout-fs",
            "holdout-ft", "holdout-fu", "holdout-fv", "holdout-fw", "holdout-fx", "holdout-fy", "holdout-fz", "holdout-ga")


def load_split(split: str) -> list[dict[str, Any]]:
    """Gold rows of a split; ``test-old`` / ``test-new`` / ``test-newer``: batches 1-4 / the fifth / the sixth."""
    if split in AUTHORED:
        return load_gold(AUTHORED[split])
    rows = load_gold(DATA / f"{split.split('-')[0]}.jsonl")
    if split == "test-old":
        return [r for r in rows if int(r["template"]) < FIFTH_BATCH_FIRST_TEMPLATE]
    if split == "test-new":
        return [r for r in rows if FIFTH_BATCH_FIRST_TEMPLATE <= int(r["template"]) < SIXTH_BATCH_FIRST_TEMPLATE]
    if split == "test-newer":
        return [r for r in rows if int(r["template"]) >= SIXTH_BATCH_FIRST_TEMPLATE]
    return rows


def pool_splits(span: str) -> list[str]:
    """The held-out splits from holdout-FIRST to holdout-LAST, for ``span`` "FIRST-LAST" (two-letter names: "ef-eu")."""
    first, _, last = span.partition("-")
    chosen = [s for s in HELD_OUT if len(s) == len("holdout-xx") and first <= s.removeprefix("holdout-") <= last]
    if not chosen:
        raise SystemExit(f"--pool {span}: no held-out file between holdout-{first} and holdout-{last}")
    return sorted(chosen)


def split_sites(split: str, ignore: bool = False) -> list[str]:
    """The hospital's own sites the authors of a split were given in their brief (authored/sites.csv), if any."""
    path = AUTHORED.get(split)
    if ignore or path is None:
        return []
    with (DATA / "authored" / "sites.csv").open(encoding="utf-8") as handle:
        return [row["site"] for row in csv.DictReader(handle) if row["file"] == path.name]


def staff_names(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["name"] for row in csv.DictReader(handle)]


def print_report(split: str, report: EvaluationReport, show_errors: bool) -> None:
    overall = report.overall
    print(f"\n== {split}: {report.messages} messages, {overall.gold} gold spans, {overall.predicted} predicted ==")
    print(f"{'type':<10}{'gold':>6}{'pred':>6}{'recall':>9}{'precision':>11}")
    for kind, score in sorted(report.per_type.items()):
        print(f"{kind:<10}{score.gold:>6}{score.predicted:>6}{score.recall:>9.3f}{score.precision:>11.3f}")
    print(f"{'OVERALL':<10}{overall.gold:>6}{overall.predicted:>6}{overall.recall:>9.3f}{overall.precision:>11.3f}")
    print(f"character-level recall: {report.char_recall:.4f}")
    if show_errors:
        for miss in report.misses:
            print(f"  MISS  {miss['type']:<8} {miss['surface']!r:<28} {miss['id']}: {miss['text']}")
        for alarm in report.false_alarms:
            print(f"  FALSE {alarm['type']:<8} {alarm['surface']!r:<28} {alarm['id']}: {alarm['text']}")


_TITLES = {"Mr", "Mrs", "Ms", "Miss"}


def _left_over(value: str, kind: str, text: str) -> list[str]:
    """What is still visible of a planted identifier (names: each name word, as the demo test checks)."""
    if kind != "patient_name":
        return [value] if value in text else []
    words = [w for w in re.findall(r"[A-Za-z']{2,}", value) if w not in _TITLES]
    return [w for w in words if re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", text)]


def evaluate_demo(seed: int, show_errors: bool) -> dict[str, Any]:
    """Recall per planted identifier type, and placeholders on messages with nothing planted."""
    from bedside.demo import generate_demo

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        manifest = generate_demo(data, seed=seed).manifest
        roster = staff_names(data / "roster.csv")
        items: dict[str, str] = {}
        for name, key in (("messages.jsonl", "message_id"), ("notes.jsonl", "note_id")):
            with (data / name).open(encoding="utf-8") as handle:
                for line in handle:
                    row = json.loads(line)
                    items[row[key]] = row["text"]
    redactor = Redactor(staff_names=roster)
    planted_by_id = {**manifest["phi"]["messages"], **manifest["phi"]["notes"]}
    planted: Counter[str] = Counter()
    leaked: Counter[str] = Counter()
    errors: list[str] = []
    clean = clean_flagged = clean_placeholders = 0
    false_examples: list[str] = []
    for item_id, text in items.items():
        result = redactor.redact(text)
        found = planted_by_id.get(item_id, [])
        for identifier in found:
            kind = identifier["type"]
            planted[kind] += 1
            parts = _left_over(identifier["value"], kind, result.text)
            if parts:
                leaked[kind] += 1
                errors.append(f"  MISS  {kind:<12} {parts!s:<24} {item_id}: {result.text}")
        if not found and item_id.startswith("m"):
            clean += 1
            if result.spans:
                clean_flagged += 1
                clean_placeholders += len(result.spans)
                false_examples.append(f"  FALSE {item_id}: {text!r} -> {result.text!r}")
    per_type = {
        kind: {"planted": n, "leaked": leaked[kind], "recall": round(1 - leaked[kind] / n, 4)}
        for kind, n in sorted(planted.items())
    }
    total = sum(planted.values())
    report: dict[str, Any] = {
        "seed": seed,
        "items": len(items),
        "per_type": per_type,
        "overall_recall": round(1 - sum(leaked.values()) / total, 4) if total else 1.0,
        "clean_messages": clean,
        "clean_messages_with_placeholder": clean_flagged,
        "false_positive_rate": round(clean_flagged / clean, 4) if clean else 0.0,
        "placeholders_on_clean_messages": clean_placeholders,
    }
    if show_errors:
        report["errors"] = errors + false_examples
    return report


def print_demo(report: dict[str, Any]) -> None:
    print(f"\n== demo (seed {report['seed']}): {report['items']} messages and notes ==")
    print(f"{'type':<14}{'planted':>8}{'leaked':>8}{'recall':>9}")
    for kind, score in report["per_type"].items():
        print(f"{kind:<14}{score['planted']:>8}{score['leaked']:>8}{score['recall']:>9.3f}")
    print(f"{'OVERALL':<14}{'':>16}{report['overall_recall']:>9.3f}")
    print(
        f"messages with nothing planted: {report['clean_messages']}, of which "
        f"{report['clean_messages_with_placeholder']} got a placeholder "
        f"(false-positive rate {report['false_positive_rate']:.4f}; "
        f"{report['placeholders_on_clean_messages']} placeholders)"
    )
    for line in report.get("errors", []):
        print(line)


def wikipedia_proxy(path: Path) -> tuple[int, int]:
    """Requests (column ``Request``) with at least one [PATIENT], and all requests: no patients in there."""
    redactor = Redactor()
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["Request"] for row in csv.DictReader(handle)]
    flagged = sum(1 for text in texts if any(s.type == "PATIENT" for s in redactor.redact(text).spans))
    return flagged, len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, *HELD_OUT, "all"], default="all", help="default: every split")
    parser.add_argument("--show-errors", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of tables")
    parser.add_argument("--demo", action="store_true", help="measure on the generated demo hospital instead")
    parser.add_argument("--seed", type=int, default=1234, help="demo seed (default: the one tests/demo uses)")
    parser.add_argument("--wikipedia", type=Path, help="precision proxy: a Stanford Politeness Corpus CSV")
    parser.add_argument("--no-sites", action="store_true", help="ignore the hospital sites the authors were given")
    parser.add_argument(
        "--pool", metavar="FIRST-LAST",
        help="one pooled report over the held-out files holdout-FIRST to holdout-LAST (two-letter names, e.g. ef-eu)",
    )
    args = parser.parse_args()
    if args.wikipedia:
        flagged, total = wikipedia_proxy(args.wikipedia)
        print(f"requests with a [PATIENT] placeholder: {flagged}/{total} = {flagged / total:.3f}")
        return
    if args.demo:
        demo = evaluate_demo(args.seed, args.show_errors)
        if args.json:
            print(json.dumps(demo, indent=2))
        else:
            print_demo(demo)
        return
    roster = staff_names(DATA / "staff.csv")
    splits = pool_splits(args.pool) if args.pool else list(SPLITS) if args.split == "all" else [args.split]
    results = {
        split: evaluate(Redactor(staff_names=roster, site_names=split_sites(split, args.no_sites)), load_split(split))
        for split in splits
    }
    if args.pool:
        results = {f"holdout-{args.pool} pooled ({len(splits)} files)": pooled(results.values())}
    if args.json:
        print(json.dumps({split: report.to_dict() for split, report in results.items()}, indent=2))
        return
    for split, report in results.items():
        print_report(split, report, args.show_errors)


if __name__ == "__main__":
    main()

DOCS = [
("G01", "https://www.heidihealth.com/en-gb/templates/review-consult-a0d24b09", "Physiotherapist Note (Heidi Health review-consult example)", r"""
~ Physiotherapist Note
~ HOPC:
inj alt back | * Patient presents with persistent low back pain, initiated after lifting a heavy box on 15 September 2024.
back | * Pain has progressively worsened, now radiating down the right leg to the calf.
. | * Initial management included rest and over-the-counter paracetamol, providing minimal relief.
back | * Aggravating factors: Prolonged sitting, bending forward, coughing/sneezing.
. | * Easing factors: Lying flat on back with knees bent.
back | * 24-hour symptom behaviour: Stiff and sore in the mornings, improves slightly with movement but worsens significantly by evening, especially after work.
back | Night pain occasionally wakes patient.
~ Goals:
back:h | * Short-term: Reduce pain intensity to 3/10 by 15 November 2024; improve lumbar flexion by 20 degrees within 2 weeks.
. | * Long-term: Return to pain-free recreational gardening within 3 months; resume hiking without discomfort within 6 months.
~ Objective:
~ * Lumbar Spine:
back | * Active Range of Motion: Flexion limited to 30 degrees (normal 60), extension to 5 degrees (normal 25), right lateral flexion to 10 degrees (normal 25), left lateral flexion to 15 degrees (normal 25).
back | Pain reported at end-range flexion and right lateral flexion.
back | * Palpation: Tenderness over L4/L5 spinous processes and right paraspinal muscles.
back | * Special Orthopaedic Tests: Positive Straight Leg Raise (SLR) on the right at 45 degrees, reproducing leg pain.
back:n | Negative Left SLR.
. | Femoral Nerve Tension Test negative bilaterally.
~ * Neurological:
. | * Sensation: Intact to light touch in L4, L5, S1 dermatomes bilaterally.
. | * Reflexes: Patellar reflex (L4) 2+ bilaterally, Achilles reflex (S1) 2+ bilaterally.
. | * Strength: Grossly 5/5 in bilateral hip flexors, knee extensors, ankle dorsiflexors, and plantarflexors.
. | Decreased strength noted in right extensor hallucis longus (L5) 4/5.
~ Treatment:
~ * Education Provided:
dx | * Topic: Lumbar Disc Herniation and Radiculopathy.
. | Key message: Explanation of nerve compression, importance of directional preference, and posture modification.
~ * Topic: Pain ma
"""),
("G02", "http://conservativeorthopedics.com/?page_id=4621", "DS: Low Back Pain (9-14-17): Day 1: Assessment and Home Program (Conservative Orthopedics)", r"""
~ DS: Low Back Pain (9-14-17): Day 1: Assessment and Home Program
~ Evaluation findings:
back | Standing flexion hands to ankles with pulling in the back of the legs and reproduction of mild Left lower lumbar pain
back | Standing extension with reach overhead with mild discomfort at end range
back:n | No significant pain with rotation
~ Supine Hip Mobility
back:n | Hamstring flexibility to about 70deg without back pain
. | Mild to moderate limitation in quad flexibility bilaterally
. | Increased hip external rotation with preference for toe position with moderate limitation in hip internal rotation
~ Quadruped
. | Preference for supported lumbar flexion taking hips back towards heels
back | Reproduction of mild lumbar discomfort with prone press up position
back:n | No discomfort noted with posterior pelvic tilt and able to control position in bear position
~ Standing
~ Squat
. | Significant toe out position with pelvic wink in deeper range
. | Single leg dynamic front to back reach with fair stability with quad dominant activation pattern
~ Assessment:
back | Patient presents with lower lumbar pain that seems to respond well to supported flexion in quadruped as well as emphasis on abdominal control to avoid excessive lumbar hyper extension
. | With Posterior chain activation he has a tendency to lose abdominal control and let his pelvis move anteriorly
. | Limitation in quad/hip flexor mobility along with hamstring/glute weakness feed into the tendency for the pelvis to tip anteriorly
. | Emphasis of program on controlling pelvic position with gradual increase in loading of posterior chain along with super setting some of his home exercise movements that emphasize abdominal activation with strength training movements that challenge the lower back
. | Use caution with posterior chain activation, beginning with movements in a slow controlled manner with emphasis on maintaining abdominal control
"""),
("G03", "https://www.appeal.mb.ca/public-decisions/display,decision/2709", "Manitoba Appeal Commission Decision #106/14 (Workers Compensation)", r"""
~ Decision #106/14 - Type: Workers Compensation
~ Preamble
inj op:- | The worker is appealing the decision made by the Workers Compensation Board ("WCB") that there was insufficient evidence to support that his current difficulties were related to his compensable injury and therefore he was not entitled to wage loss benefits after May 21, 2013.
. | A hearing was held on June 26, 2014 to consider the matter.
~ Issue
. | Whether or not the worker is entitled to wage loss benefits after May 21, 2013.
~ Decision
. | That the worker is not entitled to wage loss benefits after May 21, 2013.
~ Decision: Unanimous
~ Background
inj alt | On December 12, 2011, the worker filed a claim with the WCB for injury to his low back and both hips that occurred on October 17, 2011 when he twisted the wrong way while working underneath a bus.
inj dx | Following the accident, the worker sought treatment from a chiropractor and a general practitioner and his claim for compensation was accepted based on the initial diagnosis of a lumbar strain/sprain injury and a possible disc injury.
. | On January 20, 2012, the worker underwent a CT scan of his lumbar spine.
img dx | The results showed a mild disc bulge at L4-L5.
img:h | Irritation of the exiting nerve roots was possible at both levels.
img | Note was also made of various degenerative changes.
. | On June 12, 2012, the worker was seen by a WCB sports medicine advisor for an assessment of his medical condition.
back | The examination findings showed that the worker had a positive left straight leg raise in the supine position at 45 degrees associated with lumbar pain radiating down the left lower extremity.
. | There was also the presence of right ankle clonus and weakness of the left L3 to S1 myotomes.
. | The medical advisor arranged for the worker to see a neurosurgeon regarding his ongoing symptoms and a lumbar MRI was also arranged.
back | On June 26, 2012, the worker was seen by a neurosurgeon who reported that the clinical presentation suggested some mechanical back pain.
~ The specialist reported that the pain extending into
"""),
("G04", "https://mn.gov/workcomp-stat/2017/Torgusson-02-27-17.html", "Torgusson, Minnesota Workers' Compensation Court of Appeals (2017)", r"""
inj alt op:- | CAUSATION – TEMPORARY INJURY. Substantial evidence, including the independent medical examiner’s opinions, supported the compensation judge’s determination that the employee’s July 21, 2015, work injury was temporary and had resolved by September 15, 2015.
~ Compensation Judge: Grant R. Hartman
~ Attorneys: Dennis W. Hagstrom, Fergus Falls, Minnesota, for the Appellant. Brad R. Kolling, Felhaber Larson, Minneapolis, Minnesota, for the Respondents.
~ Affirmed.
~ DAVID A. STOFFERAHN, Judge
inj alt op:- | The employee appeals from the compensation judge’s determination that her work injury was temporary and resolved by September 15, 2015.
. | We affirm.
. | The employee, Tiffany Torgusson, was hired by the employer in May 2015 as a house coordinator at the Deer Valley House, a facility for physically and mentally handicapped adults.
alt | Most of her work was administrative but she was also involved with direct patient care.
. | On July 21, 2015, the employee was providing care to a patient who was paralyzed from the chest down.
alt | Getting the patient dressed required rolling him from side to side on his bed.
inj alt back | As the employee was bending over and doing so, she felt a strain or pull in her lower back.
inj | The employee reported the incident to her employer but did not go to a doctor.
. | In August, the employee accompanied the same resident on a trip to Duluth.
inj alt back | While providing care to him and bending over, the employee again experienced an onset of low back pain on her right side.
inj | She notified her supervisor of the incident.
back | The employee has a history of treatment for low back problems going back to 2007.
inj alt | The employee had a work related low back injury in May 2008 when she was working in a nursing home.
inj alt back | She had helped lift a patient at work and had low back pain.
img dx | An MRI in July 2008 was interpreted as showing mild posterior disc bulging at L5-S1.
dx | Her provider at that time, Dr. Robert Vennerstrom, concluded the employee had a “lumbar strain with some nerve root irritation, L5-S1 secondary to bulging disc.”
~ The
"""),
("G05", "https://mn.gov/workcomp-stat/2003/Klinefelter-01-06-03.htm", "Klinefelter v. Quicksilver Express Courier, Minnesota Workers' Compensation Court of Appeals (2003)", r"""
~ CRISTIAN P. KLINEFELTER, Employee/Appellant, v. QUICKSILVER EXP. COURIER and SAFECO INS. CO., Employer-Insurer, and NORTH RIVER INS. CO. and CENTER FOR DIAGNOSTIC IMAGING, Intervenors.
~ WORKERS= COMPENSATION COURT OF APPEALS
~ JANUARY 6, 2003
~ HEADNOTES
inj alt | MEDICAL TREATMENT & EXPENSE - SURGERY. Substantial evidence, including expert opinion, supported the compensation judge=s decision that fusion surgery was not reasonably required to treat the effects of the employee=s work-related injury.
~ Affirmed.
~ Determined by Wilson, J., Rykken, J., and Pederson, J.
~ Compensation Judge: Jennifer Patterson.
~ OPINION
~ DEBRA A. WILSON, JUDGE
dx back op:- | The employee appeals from the compensation judge=s decision that the employee=s degenerative disc disease at L5-S1 is not causing his low back pain and that the employee does not need fusion surgery at present.
. | We affirm.
~ BACKGROUND
inj alt | The employee sustained a work-related injury to his low back on January 20, 2000, while employed as a courier for Quicksilver Express Courier [the employer].
. | He treated with Dr. Michael Goertz from January 21 through March 31, 2000.
dx | Dr. Goertz diagnosed a back strain[1] and prescribed medications and physical therapy.
. | The employee received 30 physical therapy treatments from January 27, 2000, through June 2, 2000.
. | Dr. Goertz referred the employee to orthopedic surgeon Dr. Richard Strand, who ordered an MRI.
img dx | The MRI performed on April 11, 2000, revealed degenerative disc disease at L5-S1 with a small to moderate-sized left-sided posterolateral disc herniation at the L5-S1 level.
img dx | The radiologist concluded that the herniation abutted the thecal sac and the left S1 nerve root without nerve root compression.
inj | The employee continued to work for the employer after the work injury in a modified courier position.
. | On April 11, 2000, Dr. Strand released the employee to return to work without restrictions.
. | The employee began work for Interstate Diesel as a service writer in May 2000, a job that paid more than his previous job with the em
"""),
("G06", "https://mn.gov/workcomp-stat/2006/Duran-10-30-06.html", "Duran v. Railworks Track Systems, Minnesota Workers' Compensation Court of Appeals (2006)", r"""
~ RAFAEL DURAN, Employee/Appellant, v. RAILWORKS TRACK SYS., INC., SELF-INSURED/ST. PAUL TRAVELERS, Employer, and SUMMIT ORTHOPEDICS,  Intervenor.
~ WORKERS’ COMPENSATION COURT OF APPEALS
~ OCTOBER 30, 2006
~ No. WC06-191
~ HEADNOTES
inj alt op:- | CAUSATION - SUBSTANTIAL EVIDENCE.  Substantial evidence, including expert medical opinion, medical records, and lay testimony, supported the compensation judge’s finding that the employee’s admitted work injury was temporary in nature and was not a substantial contributing cause of his need for medical treatment after February 12, 2004.
~ Affirmed.
~ Determined by: Stofferahn, J., Pederson, J., and Rykken, J.
~ Compensation Judge: Carol A. Eckersen
~ Attorneys: Gary L. Manka, and Neil G. Clemmer, Katz, Manka, Teplinsky, Due & Sobol, Minneapolis, MN, for the Appellant.  Michael J. Patera, Buffalo, MN, for the Respondent.
~ OPINION
~ DAVID A. STOFFERAHN, Judge
inj alt op:- | The employee appeals from the compensation judge’s finding that the employee’s admitted work injury was temporary in nature and was not a substantial contributing cause of his need for medical treatment after February 12, 2004.
. | We affirm.
~ BACKGROUND
. | In 2002, Rafael Duran began working for the employer, Railworks, which was engaged in laying light rail tracks.
alt | The employee’s work involved lifting rails and equipment, pulling rails into alignment, welding and grinding rail joints, and shoveling and spreading rocks to set the rails.
alt | Much of the work was done in a stooped or bent posture or working on his knees.
inj alt back | The employee sustained an admitted low back injury on May 20, 2003, when he twisted his back while setting down a heavy piece of equipment he had been carrying and he experienced an immediate onset of pain from the low back down through the buttocks and into his lower legs.
. | The pain was accompanied with a feeling of loss of strength in his legs.
inj | The employee reported the injury to his foreman the same day and was taken by his supervisor to Minnesota Occupational
"""),
("G07", "https://obturo.best/article/handeland-v-target-corp", "Handeland v. Target Corp. (Minnesota WCCA decision, mirror)", r"""
inj:n op:- | EVIDENCE – EXPERT MEDICAL OPINION. The compensation judge did not err in relying upon an adequately founded medical expert opinion in determining that the employee did not sustain a work-related injury on July 31, 2020.
. | PRACTICE & PROCEDURE – ADEQUACY OF THE FINDINGS. The compensation judge did not err in not discussing portions of the employee’s testimony at hearing as she is not required to refer to or discuss each portion of evidence introduced at hearing.
~ Compensation Judge: Stacy P. Bouman
~ Attorneys: C. Jeremy Lagasse, Aaron Ferguson Law, St. Paul, Minnesota, for the Appellant. Jay T. Hartman, Heacox, Hartman, Koshmrl, Cosgriff, Johnson, Lane & Feenstra, P.A., City, St. Paul, for the Respondent.
~ Affirmed.
~ THOMAS J. CHRISTENSON, Judge
inj:n op:- | The employee appeals from the compensation judge’s finding that the employee did not sustain a work-related injury in July 2020.
. | We affirm.
inj alt | Dana Handeland, the employee, presented claims for permanent partial disability, medical expenses, and rehabilitation benefits for asserted work-related injuries to the low back sustained on March 27, 2015, and July 31, 2020, while working for the self-insured employer, Target Corporation.
back inj | From 2009 until just prior to the 2015 injury, the employee had undergone regular chiropractic care and physical therapy for mid and lower back and left buttock pain.
back dx alt | In the early months of 2015, he had also treated with a medical doctor and was diagnosed with left buttock pain and sciatica from performing leg exercises at the gym.
img dx | A March 13, 2015, lumbar MRI showed sacralization of L5 on the right, diffuse disc bulging at L1-2 and L2-3 with mild narrowing of the spinal canal, an L4-5 posterior disc bulge with superimposed disc protrusion and caudal migration, annular fissure along the left subarticular zone, and impingement of the left L5 nerve root.
inj alt | On March 27, 2015, the employee injured his low back while lifting a case of apples at work.
. | Later that same day, the employee was seen by his chiropra
"""),
("G08", "https://circleofdocs.com/slip-and-fall-off-ladder-what-is-the-ddx/", "Slip and fall off ladder: what is the DDx? (Circle of Docs case)", r"""
~ History:
back | A 60yr old male patient enters the office with complaint of severe low back pain in the L1-3 region bilateral.
inj alt | He states he was on his ladder at home painting a wall on the exterior of his house when he slipped off and landed on his back.
. | He states being unable to move for a period 10 minutes before he was able to pull himself off the ground.
back | Pain is sharp, stabbing and unrelenting.
. | You send him for an xray and this comes back.
~ Case Discussion:
img dx | L1 vertebral burst type fracture and T12 horizontally oriented spinous process fracture.
img dx | Two column fracture of the L1 vertebral body involving superior end-plate compression and mild retropulsion of the posterior vertebral body margin.
img dx | Associated horizontally oriented fracture of the T12 spinous process without obvious widening of the interspinous distance at T12-L1 to suggest posterior ligamentous disruption.
. | Did you diagnose correctly? Whats your action plan from here?
~ Case courtesy of Dr Andrew Dixon, Radiopaedia.org. From the case Lumbar spine fractrue
"""),
("G09", "https://radiopaedia.org/cases/burst-fracture-6?lang=us", "Burst fracture (Radiopaedia case, fall from ladder)", r"""
inj alt | History of fall from ladder, height of approximately 15-20 meters.
inj | Landed on foot and fallen backward.
back | Tenderness over the lumbar spine.
~ Patient Data
img dx | Acute burst fracture of L1 with 6 mm of bony retropulsion.
img | This abuts the anterior aspect of the conus which lies at L1 with no CSF anterior to the conus, however, CSF is apparent posterolaterally in the thecal sac.
img:n | No high signal within the cord to suggest cord edema.
img:n | No abnormality at any other level.
img dx | L1 burst fracture with retropulsion.
img | The retropulsed bone contacts the conus but does not overtly compress it.
. | Follow-up in external binder.
~ Case Discussion
~ Typical appearances and 3 modality appearances of a burst fracture.
"""),
("G10", "https://radiopaedia.org/cases/burst-fracture-8?lang=us", "Burst fracture (Radiopaedia case, L5)", r"""
~ Patient Data
. | Age: 40 years
. | Gender: Male
~ From the case:
~ Burst fracture
img dx | Burst fracture with height loss is noted at L5 vertebral body, causing retropulsion and spinal canal narrowing.
img dx | Fracture without displacement is present at bilateral lamina of L4 vertebra.
img dx | There are also fracture with displacement at right transverse process of L1, L2, L3 and L4 vertebrae.
img dx | In addition, fracture of spinous process of L1, L2 and L3 vertebrae are evident.
~ Case Discussion
~ Burst fracture is a type of compression fracture that results in disruption of the posterior vertebral body cortex with retropulsion into the spinal canal.
"""),
]

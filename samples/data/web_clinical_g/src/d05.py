DOCS = [
("G41", "http://www.safeguard.co.nz/databases/modus/sgrelated/bacrcc/CASE~NZ~NAT~DC~2006~4911?tid=521629&si=1878974471", "Carr v Accident Compensation Corporation (NZ District Court, 2006), judgment opening", r"""
~ Skip to Content, Skip to Navigation
~ Advertisement
~ Safeguard OSH Solutions - Thomson Reuters
~ Safeguard OSH Solutions - Thomson Reuters
~ Accident Compensation Cases
~ Carr v Accident Compensation Corporation (DC, 02/06/06)
~ Judgment Text
~ RESERVED JUDGMENT OF JUDGE M J BEATTIE 
~ Judge M J Beattie
~ [1]
inj dx op:- | The issue in this appeal arises from the respondent's decision of 4 August 2005, whereby it suspended all entitlements to the appellant on the grounds that his ongoing medical condition was not attributable to the back strain injury for which he had cover under the Act.
~ [2]
back inj age op:- | It is the respondent's contention that the appellant's ongoing lower back pain and resultant restriction of movement, is as a consequence of the now symptomatic degenerative condition of his lower back and is not as a consequence of any trauma from his covered injury.
~ [3]
back inj dx | It is the appellant's contention that at least a significant part of his lower back pain is attributable to the back injury, in particular paracentral disc protrusion at L2/3.
~ [4]
. | The background facts relevant to the issue in this appeal may be stated as follows:
inj alt back | In 1996, when aged 49 years, the appellant suffered two incidents causing back pain.
inj alt back | The first instance occurred in March when he was lifting a 20 kg pail of paint and in a twisting motion experienced pain radiating down his left side.
. | The appellant was treated with anti-inflammatory medication by his GP and his back settled down.
. | He lost no time off work.
inj alt back | In May 1996 whilst raking leaves at home he again experienced pain in his lower back.
back | This pain did not resolve and he saw his doctor.
inj dx | A claim for cover was lodged for this back injury, the claim stating that it was a back strain.
. | The appellant was certified as unfit for work and his treatment included a number of epidural injections over time.
back | The back pain and its disabling features remained and the appellant has never resumed employment.
. | Various specialists have examined the appellant and have prov
"""),
("G42", "http://www.safeguard.co.nz/databases/modus/sgrelated/bacrcc/CASE~NZ~NAT~DC~2000~7044?tid=523642&si=1878974479", "Duncan v Accident Compensation Corporation (NZ District Court, 2000), judgment opening with GP letters", r"""
~ Skip to Content, Skip to Navigation
~ Advertisement
~ Safeguard OSH Solutions - Thomson Reuters
~ Safeguard OSH Solutions - Thomson Reuters
~ Accident Compensation Cases
~ Duncan v Accident Compensation Corporation (DC, 17/11/00)
~ Judgment Text
~ RESERVED JUDGMENT OF JUDGE A W MIDDLETON 
~ Judge A W Middleton
. | The issue in this appeal is whether the respondent's decision of 21 June 1999 ceasing entitlements to weekly compensation was correct.
inj | The facts which gave rise to the appeal are that the appellant, who is now aged 60 years, suffered an injury to his back on 12 March 1998.
. | In a letter from his General Practitioner Dr Mulholland, dated 22 April 1998 he stated:
dx:h | “I felt he had some disc pathology, whether it be a prolapse or inflammation.
. | It is impossible to tell without an MRI.
inj dx | I do note that he has had two previous back strains up to ten years ago.
back | I organised xrays of his back on the 24th March as he was not improving.
img dx | These show arthritis of a moderate degree in the upper and lower lumbar spine but with marked disc narrowing at the lumbo/sacral level with lipping suggestive of long term back disease.
back inj op:? | As you are aware, while he does have pre-existing disease, it is possible to have an acute flare-up due to a twisting injury.
age | The fact that he does have pre-existing bone and disc disease in his back consistent with his age may impair his rehabilitation.
back inj op:? | Whether it is gradual process or an acute injury it is not for me to decide but he certainly did have an acute flare-up.
. | I suggest a referral to Simon Hadlow and an MRI which may help delineate the process further. ”
. | Following that letter Dr Mulholland referred the appellant to Mr A Grant, an Orthopaedic Surgeon, with an accompanying letter of 30 April 1998.
. | In that letter Dr Mulholland stated:
back | “He presented to me about a month ago with acute back pain.
dx | His signs and symptoms were consistent with a disc prolapse.
inj dx | I notice that in 1988 he was off on ACC for about a week with a low disc prolapse.
~ It is now
"""),
("G43", "https://www.appeal.mb.ca/public-decisions/display,decision/0971", "Manitoba Appeal Commission Decision #32/06 (Workers Compensation)", r"""
~ Decision #32/06 - Type: Workers Compensation
~ Preamble
. | An appeal panel hearing was held on November 10, 2005 at the request of a worker advisor, acting on behalf of the worker.
. | The Panel discussed the appeal following the hearing and requested further medical information.
. | The Panel discussed the appeal again on February 7, 2006.
~ Issue
inj:h | Whether or not the worker has recovered from the September 1, 2004 compensable injury; and
. | Whether or not the worker is entitled to the payment of wage loss benefits beyond February 25, 2005.
~ Decision
inj op:- | That the worker has recovered from the September 1, 2004 compensable injury; and
. | That the worker is not entitled to the payment of wage loss benefits beyond February 25, 2005.
~ Decision: Unanimous
~ Background
inj alt | The worker suffered a lower back injury that occurred during the course of his employment on September 1, 2004.
inj | The worker's accident report described the accident as follows:
inj alt | "I was helping coworker pickup logs and pile the logs.
inj alt back | As I was doing this I felt hot pain at one point as I lifting (sic) and was throwing the log on the pile.
alt | The log was approximately 175 pounds and I am 160 pounds."
back | According to the worker's accident report, the worker decided to seek medical treatment for his progressively worsening back on September 27, 2004 by contacting his family physician, who was unavailable.
. | An appointment was scheduled with another physician for October 8, 2004.
img | An x-ray of the worker's lumbosacral spine taken on October 8, 2004 revealed disc space narrowing and osteophyte formation at L4-L5 and L5-S1 as well as small osteophytes at the L3-L4 level.
img dx | The x-ray report indicated that these findings were consistent with degenerative disc disease.
dx | In the Doctor's First Report dated October 8, 2004, the worker was diagnosed as suffering from a lower back strain.
dx | The physician noted that the worker had pre-existing osteoarthritis in his lumbar spine that may affect recovery.
. | Heat, medication and physiotherapy treatments were prescri
"""),
("G44", "https://www.appeal.mb.ca/public-decisions/display,decision/0816", "Manitoba Appeal Commission Decision #153/05 (Workers Compensation)", r"""
~ Decision #153/05 - Type: Workers Compensation
~ Preamble
. | In An Appeal Panel hearing was held on August 23, 2005, at the request of a worker advisor, acting on behalf of the worker.
. | The Panel discussed this appeal on the same day.
~ Issue
. | Whether or not the worker is entitled to wage loss benefits beyond January 7, 2005.
~ Decision
. | That the worker is not entitled to wage loss benefits beyond January 7, 2005.
~ Decision: Unanimous
~ Background
inj alt | On November 24, 2003, the worker filed a claim with the Workers Compensation Board (WCB) for a lower back injury that occurred during the course of his employment as a service technician on October 20, 2003.
inj alt back | On this date, the worker lifted a snow blower to look under it when he felt a pain in his lower back.
back | Subsequent file records revealed that the worker returned to modified duties effective December 3, 2003 but laid off work on December 10, 2003 due to increased lower back pain.
. | The claim for compensation was accepted by the WCB and benefits were paid to the worker commencing October 21, 2003.
. | Medical information on file revealed the following:
img dx | • October 21, 2003 - Lumbar spine x-rays revealed "…L4 is directed slightly anterior to L5 likely related to facet arthropathy which extends from L4 to the sacrum.
img dx | There are mild compression deformities within the T11 and T12 vertebral bodies which are probably old.
img | There is mild narrowing of the L2-L3 disc level."
back | • November 28, 2003 - Doctor's First Report indicated a diagnosis of mechanical lower back pain.
inj alt | The worker's description of accident or injury was "repetitive bending & lifting".
back | Under "Describe any pre-existing condition that may affect recovery" the physician indicated "gradual exacerbation since May 2003".
back | • December 3, 2003 - physiotherapy report indicated that the worker complained of constant pain, worse with sustained activities and extremes of movements and was improving very slowly.
dx | The diagnosis rendered was "Musculo-ligamentous lumbar injury, joint
"""),
("G45", "https://sparksphysicaltherapy.com/?p=4323", "Post-Operative Knee Replacement – Case Report (Sparks Physical Therapy)", r"""
~ ARTICLES
~ Post-Operative Knee Replacement – Case Report
dx | History: The patient presented to outpatient physical therapy three days following a left total knee arthroplasty (TKA).
. | At the time of evaluation, the patient had a surgical dressing over the incision, which was closed with surgical glue.
. | He was instructed to remove the dressing after seven days and to follow up with the surgeon at one month post-operatively.
. | During the initial evaluation, the patient reported significant difficulty sleeping, as well as pain and limited ability to bend the knee.
. | He had taken oxycodone and Tylenol earlier that morning and was actively staying ahead of pain using prescribed medications.
gait | The patient noted that he had been trying to bear more weight through the operative leg while ambulating and was currently using a walker for support.
. | To manage swelling, he reported regularly icing the knee and keeping it elevated.
gait:n | Prior to surgery, the patient was independent with ambulation and did not require an assistive device.
~ Functional Limitations:
gait | - Unable to ambulate without walker
gait | - Unable to perform stairs
. | - Difficulty sleeping
. | - Unable to perform light activities around the house
~ Objective Measurements:
. | - L knee active range of motion 15-55 deg (R knee 0-130 deg).
. | Passive range of motion 10-75 deg
. | - At Evaluation the patient was unable to independently lift left leg and had poor quad activation.
. | - 5% Function on Lower Extremity Functional Scale.
gait | - Gait with rolling walker- decreased weight bearing on left leg, decreased step length, lacking terminal knee extension and lacking knee flexion with swing phase.
. | - Strength and further functional testing deferred until better pain management
~ Treatment:
~ - Manual- Initiated with retrograde massage for swelling management, gentle PROM and gentle joint mobs to improve knee extension and flexion. As pain levels improved and tolerance improved progressed to more aggressive knee flexion and extension mobilizations to optimize range of motion.
~ - 
"""),
]
